import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { messageOf } from '../lib/api';
import { channelName, channelStateName, channelTone, statusName, statusTone, type Tone } from '../lib/vocabulary';
import type { Publication } from '../lib/types';

/** The page's main heading: sets the tab title and takes focus after navigation, so screen readers announce the page. */
export function PageTitle({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · 政务公开审核台`;
    ref.current?.focus({ preventScroll: true });
  }, [title]);
  return <h1 tabIndex={-1} ref={ref}>{children}</h1>;
}

export type NoticeKind = 'ok' | 'error' | 'info' | 'busy';
export interface NoticeState {
  kind: NoticeKind;
  text: string;
}

/** Progress and results of an action, announced to screen readers (errors assertively). */
export function Notice({ notice, id }: { notice: NoticeState | null; id?: string }) {
  if (!notice) return <div id={id} role="status" aria-live="polite" class="notice-slot" />;
  return (
    <div id={id} role={notice.kind === 'error' ? 'alert' : 'status'} aria-live={notice.kind === 'error' ? 'assertive' : 'polite'}
      class={`notice notice-${notice.kind}`}>
      {notice.kind === 'busy' && <span class="spinner" aria-hidden="true" />}
      {notice.text}
    </div>
  );
}

/** A button that shows progress while its action runs and cannot be pressed twice. */
export function BusyButton(props: JSX.ButtonHTMLAttributes<HTMLButtonElement> & { busy: boolean; busyText: string; class?: string }) {
  const { busy, busyText, children, disabled, class: className, ...rest } = props;
  return (
    <button type="button" {...rest} class={className ?? 'button'} disabled={busy || disabled} aria-busy={busy}>
      {busy ? <><span class="spinner" aria-hidden="true" />{busyText}</> : children}
    </button>
  );
}

export function Badge({ tone, children }: { tone: Tone; children: ComponentChildren }) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}

export const StatusBadge = ({ status }: { status: string }) => <Badge tone={statusTone(status)}>{statusName(status)}</Badge>;

/** Each chosen channel with its publication state (or 待发布 before approval). */
export function ChannelStates({ channels, publications }: { channels: string[]; publications: Record<string, Publication> }) {
  return (
    <ul class="channel-states">
      {channels.map(channel => {
        const publication = publications[channel];
        return (
          <li key={channel}>
            <span class="channel-name">{channelName(channel)}</span>
            {publication ? <Badge tone={channelTone(publication.state)}>{channelStateName(publication.state)}</Badge>
              : <Badge tone="neutral">未发布</Badge>}
          </li>
        );
      })}
    </ul>
  );
}

/** Errors the server returned per field, listed at the top with links to the fields (each field also shows its own). */
export function ErrorSummary({ errors, labels }: { errors: Record<string, string[]>; labels: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
  }, [errors]);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>提交未成功，请修改以下 {entries.length} 处：</h2>
      <ul>
        {entries.map(([field, messages]) => (
          <li key={field}><a href={`#field-${fieldId(field)}`}>{labels[field] ?? labels[field.replace(/\[\d+\]$/, '')] ?? field}：{messages.join(' ')}</a></li>
        ))}
      </ul>
    </div>
  );
}

export const fieldId = (field: string) => field.replace(/[^a-zA-Z0-9]+/g, '-');

/** A labelled form control with its hint and its server error beside it. */
export function Field({ name, label, hint, errors, children, required }: {
  name: string; label: string; hint?: string; errors?: string[]; required?: boolean;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean; required?: boolean }) => ComponentChildren;
}) {
  const id = `field-${fieldId(name)}`;
  const described = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${errors?.length ? ' field-invalid' : ''}`}>
      <label for={id}>{label}{required && <span class="required" aria-hidden="true"> *</span>}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {errors?.length ? <p class="field-error" id={`${id}-error`}>{errors.join(' ')}</p> : null}
      {children({ id, 'aria-describedby': described, 'aria-invalid': errors?.length ? true : undefined, required })}
    </div>
  );
}

/** A modal confirmation with a required reason (retry, retract, withdraw…), keyboard operable through native <dialog>. */
export function ConfirmDialog({ open, title, message, confirmText, reasonLabel, onConfirm, onClose, danger, children }: {
  open: boolean; title: string; message: ComponentChildren; confirmText: string; reasonLabel?: string; danger?: boolean;
  onConfirm: (reason: string) => Promise<void> | void; onClose: () => void; children?: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setReason('');
      setError('');
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  const confirm = async (event: Event) => {
    event.preventDefault();
    if (reasonLabel && !reason.trim()) {
      setError(`请填写${reasonLabel}。`);
      return;
    }

    setBusy(true);
    try {
      await onConfirm(reason.trim());
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} class="dialog" onClose={onClose} aria-labelledby={`${id}-title`}>
      <form method="dialog" onSubmit={confirm} noValidate>
        <h2 id={`${id}-title`}>{title}</h2>
        <div class="dialog-message">{message}</div>
        {children}
        {reasonLabel && (
          <div class={`field${error ? ' field-invalid' : ''}`}>
            <label for={`${id}-reason`}>{reasonLabel}<span class="required" aria-hidden="true"> *</span></label>
            {error && <p class="field-error" id={`${id}-reason-error`}>{error}</p>}
            <textarea id={`${id}-reason`} rows={3} value={reason} required aria-describedby={error ? `${id}-reason-error` : undefined}
              onInput={e => setReason((e.target as HTMLTextAreaElement).value)} />
          </div>
        )}
        <div class="actions">
          <button type="submit" class={danger ? 'button button-danger' : 'button'} disabled={busy} aria-busy={busy}>
            {busy ? <><span class="spinner" aria-hidden="true" />正在处理……</> : confirmText}
          </button>
          <button type="button" class="button button-secondary" onClick={() => ref.current?.close()} disabled={busy}>取消</button>
        </div>
      </form>
    </dialog>
  );
}

/** Loads data for a page; a failure is shown in Chinese with a retry button, never a blank page. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    load(controller.signal).then(setData, e => {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e);
    });
    return () => controller.abort();
  }, [...deps, version]);
  return { data, error, reload: () => setVersion(v => v + 1), setData };
}

/** What a page shows while its data loads or after loading failed. */
export function LoadState({ error, reload }: { error: unknown; reload: () => void }) {
  if (!error) return <p class="loading" role="status"><span class="spinner" aria-hidden="true" />正在加载……</p>;
  return (
    <div class="notice notice-error" role="alert">
      {messageOf(error)}
      <button type="button" class="button button-secondary button-small" onClick={reload}>重新加载</button>
    </div>
  );
}
