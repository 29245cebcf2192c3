import { useState } from 'preact/hooks';
import { BusyButton, Notice, type NoticeState } from '../ui';
import { ApiError, messageOf, post } from '../../lib/api';
import type { PassageNote } from '../../lib/types';
import { aspectName, aspects } from '../../lib/vocabulary';
import { NoteItem } from '../RevisionNotes';

export interface Selection {
  quote: string;
  prefix: string;
  suffix: string;
}

/** Notes on passages: the reviewer selects text in the article (or types the passage) and tags the note with one 关. */
export function NotesPanel({ itemId, version, notes, canWrite, selection, onAdded, onLocate }: {
  itemId: string; version: number; notes: PassageNote[]; canWrite: boolean; selection: Selection | null;
  onAdded: (note: PassageNote) => void; onLocate: (note: PassageNote) => void;
}) {
  const [quote, setQuote] = useState('');
  const [context, setContext] = useState<{ prefix: string; suffix: string }>({ prefix: '', suffix: '' });
  const [aspect, setAspect] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [open, setOpen] = useState(false);

  const takeSelection = () => {
    if (selection) {
      setQuote(selection.quote);
      setContext({ prefix: selection.prefix, suffix: selection.suffix });
    }

    setOpen(true);
    setTimeout(() => document.getElementById(selection ? 'note-aspect-political' : 'note-quote')?.focus(), 0);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setNotice({ kind: 'busy', text: '正在保存批注……' });
    try {
      const { data } = await post<PassageNote>(`/api/items/${itemId}/notes`, {
        version, aspect: aspect || null, quote, text, prefix: context.prefix || null, suffix: context.suffix || null,
      });
      onAdded(data);
      setQuote('');
      setText('');
      setAspect('');
      setContext({ prefix: '', suffix: '' });
      setOpen(false);
      setNotice({ kind: 'ok', text: `批注已保存（${aspectName(data.aspect)}）。` });
    } catch (e) {
      if (e instanceof ApiError && e.problem.errors) setErrors(e.problem.errors);
      setNotice({ kind: 'error', text: `批注未保存：${messageOf(e)}` });
    } finally {
      setBusy(false);
    }
  };

  const current = notes.filter(n => n.version === version);
  const earlier = notes.filter(n => n.version < version);
  return (
    <section class="panel notes-panel" aria-labelledby="notes-title">
      <h2 id="notes-title">段落批注（{current.length}）</h2>
      {canWrite && (
        <>
          <p class="hint">在正文中选中文字，再点“批注选中文字”；也可以直接填写要批注的原文。</p>
          <button type="button" class="button" onClick={takeSelection} aria-expanded={open}>
            {selection ? `批注选中文字：“${selection.quote.slice(0, 12)}${selection.quote.length > 12 ? '…' : ''}”` : '添加批注'}
          </button>
        </>
      )}
      {canWrite && open && (
        <form class="note-form" onSubmit={submit} noValidate>
          <div class={`field${errors.quote ? ' field-invalid' : ''}`}>
            <label for="note-quote">批注的原文</label>
            {errors.quote && <p class="field-error">{errors.quote.join(' ')}</p>}
            <textarea id="note-quote" rows={2} value={quote} onInput={e => setQuote((e.target as HTMLTextAreaElement).value)} />
          </div>
          <fieldset class={`field${errors.aspect ? ' field-invalid' : ''}`}>
            <legend>所属关</legend>
            {errors.aspect && <p class="field-error">{errors.aspect.join(' ')}</p>}
            <div class="checkbox-row">
              {aspects.map(a => (
                <label key={a} class="checkbox">
                  <input type="radio" name="note-aspect" id={`note-aspect-${a}`} value={a} checked={aspect === a} onChange={() => setAspect(a)} />
                  {aspectName(a)}
                </label>
              ))}
            </div>
          </fieldset>
          <div class={`field${errors.text ? ' field-invalid' : ''}`}>
            <label for="note-text">批注内容</label>
            {errors.text && <p class="field-error">{errors.text.join(' ')}</p>}
            <textarea id="note-text" rows={3} maxLength={1000} value={text} onInput={e => setText((e.target as HTMLTextAreaElement).value)} />
          </div>
          <div class="actions">
            <BusyButton busy={busy} busyText="正在保存……" type="submit">保存批注</BusyButton>
            <button type="button" class="button button-secondary" onClick={() => setOpen(false)}>取消</button>
          </div>
        </form>
      )}
      <Notice notice={notice} />
      {current.length === 0 ? <p>本版暂无批注。</p> : <ol class="note-list">{current.map(n => <NoteItem key={n.id} note={n} onLocate={onLocate} />)}</ol>}
      {earlier.length > 0 && (
        <details>
          <summary>更早版本的批注（{earlier.length} 条）</summary>
          <ol class="note-list">{earlier.map(n => <NoteItem key={n.id} note={n} />)}</ol>
        </details>
      )}
    </section>
  );
}
