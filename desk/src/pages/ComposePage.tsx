import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FindingsList, SanitizeSummary, findingMarkId, type IndexedFinding } from '../components/ChecksPanel';
import { PolicyPicker } from '../components/PolicyPicker';
import { RevisionNotes } from '../components/RevisionNotes';
import { BusyButton, ErrorSummary, Field, LoadState, Notice, PageTitle, type NoticeState } from '../components/ui';
import { RichEditor, type EditorHandle } from '../editor/RichEditor';
import { ApiError, get, messageOf, post, put } from '../lib/api';
import { clearDraft, loadDraft, saveDraft } from '../lib/drafts';
import { setFlash } from '../lib/flash';
import { formatDateTime, fromLocalInput, toLocalInput } from '../lib/format';
import { findIgnoringWhitespace, highlightHtml, nthIndexOf, occurrencesBefore } from '../lib/highlight';
import { navigate } from '../lib/router';
import { occurrencesOf } from '../lib/findings';
import type { Me } from '../lib/session';
import type { CheckReport, ItemMetadata, ItemView, PassageNote, VersionView } from '../lib/types';
import { channelName, channels, disclosureModes, ItemStatus, kindName, kinds, statusName } from '../lib/vocabulary';

interface Form {
  kind: string;
  title: string;
  bodyHtml: string;
  metadata: Required<{ [K in keyof ItemMetadata]: string }>;
  channels: string[];
  publishAt: string;
  interpretsItemId: string;
  requiresInterpretation: boolean;
  idempotencyKey: string;
}

const emptyMetadata = (): Form['metadata'] => ({
  publisher: '', orgCode: '', documentNumber: '', disclosureMode: '主动公开', category: '', validity: '有效', writtenDate: '',
  indexNumber: '', wechatTitle: '',
});

const newForm = (): Form => ({
  kind: 'news', title: '', bodyHtml: '', metadata: emptyMetadata(), channels: ['website'], publishAt: '', interpretsItemId: '',
  requiresInterpretation: true, idempotencyKey: crypto.randomUUID(),
});

const fromVersion = (item: ItemView, version: VersionView): Form => ({
  kind: item.kind,
  title: version.title,
  bodyHtml: version.sanitizedHtml,
  metadata: { ...emptyMetadata(), ...Object.fromEntries(Object.entries(version.metadata).map(([k, v]) => [k, v ?? ''])) },
  channels: version.channels,
  publishAt: toLocalInput(item.publishAt),
  interpretsItemId: item.interpretsItemId ?? '',
  requiresInterpretation: true,
  idempotencyKey: crypto.randomUUID(),
});

const labels: Record<string, string> = {
  kind: '稿件类型', title: '标题', bodyHtml: '正文', metadata: '公开属性', 'metadata.publisher': '发布机构', 'metadata.orgCode': '组织机构代码',
  'metadata.indexNumber': '索引号', 'metadata.documentNumber': '文号', 'metadata.disclosureMode': '公开方式', 'metadata.category': '主题分类',
  'metadata.validity': '有效性', 'metadata.writtenDate': '成文日期', 'metadata.wechatTitle': '微信标题', channels: '发布渠道',
  publishAt: '定时发布', interpretsItemId: '解读的政策文件',
};

function requestBody(form: Form, version?: number) {
  const metadata = Object.fromEntries(Object.entries(form.metadata).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
  return {
    kind: form.kind,
    title: form.title.trim(),
    bodyHtml: form.bodyHtml,
    metadata,
    channels: form.channels,
    publishAt: fromLocalInput(form.publishAt),
    interpretsItemId: form.kind === 'interpretation' && form.interpretsItemId ? form.interpretsItemId : null,
    requiresInterpretation: form.kind === 'policy' ? form.requiresInterpretation : null,
    ...(version !== undefined && { version }),
  };
}

interface RevisionContext {
  item: ItemView;
  notes: PassageNote[];
}

export function ComposePage({ me, itemId }: { me: Me; itemId?: string }) {
  const [form, setForm] = useState<Form | null>(null);
  const [revision, setRevision] = useState<RevisionContext | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [checking, setChecking] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [report, setReport] = useState<{ result: CheckReport; html: string; title: string } | null>(null);
  const [applied, setApplied] = useState<Set<number>>(new Set());
  const [draftKept, setDraftKept] = useState(true);
  const editor = useRef<EditorHandle>(null);
  const preview = useRef<HTMLDivElement>(null);
  const slot = itemId && revision ? `revise-${itemId}-v${revision.item.version}` : 'new';

  // Load: a restored local draft wins over the stored version, so nothing typed before a failure is lost.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        if (!itemId) {
          const draft = loadDraft<Form>(me.id, 'new');
          if (cancelled) return;
          setForm(draft?.value ?? newForm());
          setRestoredAt(draft?.savedAt ?? null);
          return;
        }

        const item = await get<ItemView>(`/api/items/${itemId}`);
        const [version, notes] = await Promise.all([
          get<VersionView>(`/api/items/${itemId}/versions/${item.version}`),
          get<{ notes: PassageNote[] }>(`/api/items/${itemId}/notes`).then(r => r.notes),
        ]);
        if (cancelled) return;
        const draft = loadDraft<Form>(me.id, `revise-${itemId}-v${item.version}`);
        setRevision({ item, notes });
        setForm(draft?.value ?? fromVersion(item, version));
        setRestoredAt(draft?.savedAt ?? null);
      } catch (e) {
        if (!cancelled) setLoadError(e);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [itemId]);

  useEffect(() => {
    if (!form) return;
    const timer = setTimeout(() => setDraftKept(saveDraft(me.id, slot, form)), 600);
    return () => clearTimeout(timer);
  }, [form, slot]);

  const update = (change: Partial<Form>) => setForm(f => (f ? { ...f, ...change } : f));
  const updateMetadata = (change: Partial<Form['metadata']>) => setForm(f => (f ? { ...f, metadata: { ...f.metadata, ...change } } : f));
  const previewHtml = useMemo(() => report && highlightHtml(report.result.sanitizedHtml, report.result.findings
    .map((f, index) => ({ f, index }))
    .filter(({ f }) => f.htmlStart != null)
    .map(({ f, index }) => ({ start: f.htmlStart!, length: f.htmlLength ?? f.length, className: `finding sev-${f.severity}`, id: findingMarkId(index) }))), [report]);

  if (loadError) return <><PageTitle title="修改稿件">修改稿件</PageTitle><LoadState error={loadError} reload={() => location.reload()} /></>;
  if (!form) return <LoadState error={null} reload={() => undefined} />;

  const item = revision?.item;
  if (item && (item.status !== ItemStatus.ReturnedForRevision || item.submittedBy !== me.id)) {
    return (
      <section class="panel">
        <PageTitle title="修改稿件">不能修改这篇稿件</PageTitle>
        <p>《{item.title}》当前状态为“{statusName(item.status)}”{item.submittedBy !== me.id ? '，且不是您提交的' : ''}。只有被退回修改的、您本人提交的稿件可以提交新版本。</p>
        <p><a href={`/desk/items/${item.id}`}>查看稿件</a></p>
      </section>
    );
  }

  const stale = report !== null && (report.html !== form.bodyHtml || report.title !== form.title);

  const runChecks = async () => {
    setChecking(true);
    setNotice({ kind: 'busy', text: '正在预检（四关自动检查）……' });
    try {
      const body = requestBody(form);
      const { data: grouped } = await post<CheckReport>('/api/checks', {
        title: body.title || '（无标题）', bodyHtml: body.bodyHtml, metadata: body.metadata, kind: body.kind, interpretsItemId: body.interpretsItemId,
      });
      const data = { ...grouped, findings: occurrencesOf(grouped.findings) };
      setReport({ result: data, html: form.bodyHtml, title: form.title });
      setApplied(new Set());
      const blocks = data.findings.filter(f => f.severity === 'block').length;
      setNotice({
        kind: blocks > 0 ? 'error' : 'ok',
        text: data.findings.length === 0 ? '预检完成：未发现问题。' : `预检完成：发现 ${data.findings.length} 处问题${blocks > 0 ? `，其中 ${blocks} 处阻断性问题必须修改` : ''}。`,
      });
    } catch (e) {
      if (e instanceof ApiError && e.problem.errors) setErrors(e.problem.errors);
      setNotice({ kind: 'error', text: `预检未完成：${messageOf(e)}` });
    } finally {
      setChecking(false);
    }
  };

  const locate = (finding: IndexedFinding) => {
    const mark = preview.current?.querySelector<HTMLElement>(`[data-mark~="${findingMarkId(finding.index)}"]`);
    if (!mark) {
      document.getElementById('field-title')?.focus();
      setNotice({ kind: 'info', text: `该问题位于标题或公开属性中：“${finding.excerpt}”。` });
      return;
    }

    preview.current!.querySelectorAll('.finding-current').forEach(m => m.classList.remove('finding-current'));
    preview.current!.querySelectorAll(`[data-mark~="${findingMarkId(finding.index)}"]`).forEach(m => m.classList.add('finding-current'));
    mark.tabIndex = -1;
    mark.scrollIntoView({ block: 'center' });
    mark.focus({ preventScroll: true });
  };

  // A suggestion is applied to the same occurrence in the editor: the n-th time the excerpt appears before it in the
  // checked text is the n-th time in the editor's text, as both come from the same content.
  const apply = (findings: IndexedFinding[]) => {
    if (stale) {
      setNotice({ kind: 'error', text: '正文在预检后已修改，请先重新预检，再应用建议。' });
      return;
    }

    const text = editor.current!.getText();
    const edits: { at: number; finding: IndexedFinding }[] = [];
    let title = form.title;
    const titleEdits = findings.filter(f => f.htmlStart == null && title.substr(f.start, f.length) === f.excerpt).sort((a, b) => b.start - a.start);
    for (const f of titleEdits) title = title.slice(0, f.start) + f.suggestion + title.slice(f.start + f.length);
    const markOf = (index: number) => preview.current?.querySelector(`[data-mark~="${findingMarkId(index)}"]`) ?? null;
    for (const f of findings.filter(f => f.htmlStart != null)) {
      const mark = markOf(f.index);
      if (!mark) continue;
      // Occurrences already replaced earlier are gone from the editor's text (unless the replacement still contains them).
      const replacedBefore = [...applied].filter(i => {
        const g = report!.result.findings[i];
        const other = markOf(i);
        return g.excerpt === f.excerpt && !(g.suggestion ?? '').includes(g.excerpt) && other !== null
          && (other.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      }).length;
      const at = nthIndexOf(text, f.excerpt, occurrencesBefore(preview.current!, mark, f.excerpt) - replacedBefore);
      if (at >= 0) edits.push({ at, finding: f });
    }

    edits.sort((a, b) => b.at - a.at).forEach(({ at, finding }) => editor.current!.replaceText(at, finding.excerpt.length, finding.suggestion!));
    const done = [...edits.map(e => e.finding), ...titleEdits];
    const html = editor.current!.getHtml();
    update({ title, bodyHtml: html });
    setApplied(new Set([...applied, ...done.map(f => f.index)]));
    // The preview keeps showing the checked text; only the positions just edited moved, and only after them.
    setReport(r => (r ? { ...r, html, title } : r));
    setNotice(done.length === findings.length
      ? { kind: 'ok', text: `已应用 ${done.length} 处修改。全部改完后请重新预检确认。` }
      : { kind: 'error', text: `已应用 ${done.length} 处，另有 ${findings.length - done.length} 处在正文中找不到原文（可能已修改），请重新预检。` });
  };

  const locateNote = (note: PassageNote) => {
    const found = findIgnoringWhitespace(editor.current!.getText(), note.quote);
    if (found) editor.current!.select(found.index, found.length);
    else setNotice({ kind: 'info', text: `正文中已找不到“${note.quote.slice(0, 30)}”，可能已经修改。` });
  };

  const submit = async () => {
    setSubmitting(true);
    setErrors({});
    setNotice({ kind: 'busy', text: item ? '正在提交修改版本……' : '正在提交审核……' });
    try {
      const current = { ...form, bodyHtml: editor.current!.getHtml() };
      const response = item
        ? await put<{ id: string; version: number }>(`/api/items/${item.id}`, requestBody(current, item.version))
        : await post<{ id: string; version: number }>('/api/items', requestBody(current), { idempotencyKey: form.idempotencyKey });
      clearDraft(me.id, slot);
      setFlash(item ? `第 ${response.data.version} 版已提交，稿件重新进入初审。` : '稿件已提交，正在进行自动检查，随后进入初审。');
      navigate(`/desk/items/${response.data.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.problem.errors) setErrors(e.problem.errors);
      setNotice({ kind: 'error', text: `提交未成功：${messageOf(e)}（已填写的内容保留在页面上，也已保存在本机草稿中。）` });
      setSubmitting(false);
    }
  };

  const discard = () => {
    clearDraft(me.id, slot);
    location.reload();
  };

  const err = (name: string) => errors[name];
  return (
    <>
      <PageTitle title={item ? '修改稿件' : '写稿'}>{item ? `修改稿件：${item.title}` : '写稿'}</PageTitle>
      {item && <p class="lead">第 {item.version} 版已被退回。修改后提交的将是第 {item.version + 1} 版，并重新从初审开始。</p>}
      {restoredAt && (
        <p class="notice notice-info" role="status">已恢复 {formatDateTime(restoredAt)} 自动保存在本机的草稿。
          <button type="button" class="button button-small button-secondary" onClick={discard}>放弃草稿，重新开始</button></p>
      )}
      {!draftKept && <p class="notice notice-error" role="alert">浏览器不允许保存本机草稿（存储已满或被禁用），请尽快提交或自行备份正文。</p>}
      <ErrorSummary errors={errors} labels={labels} />
      <div class="compose">
        <div class="compose-main">
          <section class="panel" aria-labelledby="content-title">
            <h2 id="content-title">稿件内容</h2>
            <Field name="kind" label="稿件类型" errors={err('kind')} required>
              {p => (
                <select {...p} value={form.kind} disabled={!!item} onChange={e => update({ kind: (e.target as HTMLSelectElement).value })}>
                  {kinds.map(k => <option key={k} value={k}>{kindName(k)}</option>)}
                </select>
              )}
            </Field>
            <Field name="title" label="标题" errors={err('title')} required hint="不超过 200 字。">
              {p => <input {...p} value={form.title} maxLength={200} onInput={e => update({ title: (e.target as HTMLInputElement).value })} />}
            </Field>
            <div class={`field${err('bodyHtml') ? ' field-invalid' : ''}`}>
              <span class="label" id="body-label">正文<span class="required" aria-hidden="true"> *</span></span>
              <p class="hint" id="body-hint">可直接从 Word、WPS 粘贴；格式将按政府网站要求清理。图片请先上传到本单位网站，再用“插入图片”。</p>
              {err('bodyHtml') && <p class="field-error" id="body-error">{err('bodyHtml')!.join(' ')}</p>}
              <RichEditor ref={editor} initialHtml={form.bodyHtml} labelledBy="body-label" invalid={!!err('bodyHtml')}
                describedBy={['body-hint', err('bodyHtml') ? 'body-error' : ''].filter(Boolean).join(' ')}
                onChange={html => update({ bodyHtml: html })} onNotice={text => setNotice({ kind: 'info', text })} />
            </div>
          </section>
          <MetadataFields form={form} err={err} update={update} updateMetadata={updateMetadata} />
          {report && (
            <section class="panel" aria-labelledby="preview-title">
              <h2 id="preview-title">预检视图（发布后的正文，问题处已标出）</h2>
              <SanitizeSummary original={report.html} report={report.result} />
              <article class="article preview" ref={preview} dangerouslySetInnerHTML={{ __html: previewHtml ?? '' }} />
            </section>
          )}
        </div>
        <aside class="compose-side" aria-label="预检与提交">
          <section class="panel sticky" aria-labelledby="actions-title">
            <h2 id="actions-title">预检与提交</h2>
            <p class="hint">提交前请先预检：自动检查政治、法律、保密、文字四关的常见问题。</p>
            <div class="actions">
              <BusyButton busy={checking} busyText="正在预检……" onClick={runChecks} class="button button-secondary">预检</BusyButton>
              <BusyButton busy={submitting} busyText="正在提交……" onClick={submit}>{item ? '提交修改版本' : '提交审核'}</BusyButton>
            </div>
            <Notice notice={notice} />
            <p class="muted">草稿每次修改后自动保存在本机浏览器中。</p>
          </section>
          {revision && <RevisionNotes reviews={revision.item.reviews} notes={revision.notes} version={revision.item.version} onLocate={locateNote} />}
          {report && (
            <section class="panel" aria-labelledby="findings-title">
              <h2 id="findings-title">预检结果</h2>
              <FindingsList findings={report.result.findings} applied={applied} stale={stale} onLocate={locate} onApply={apply} />
            </section>
          )}
        </aside>
      </div>
    </>
  );
}

function MetadataFields({ form, err, update, updateMetadata }: {
  form: Form; err: (name: string) => string[] | undefined;
  update: (change: Partial<Form>) => void; updateMetadata: (change: Partial<Form['metadata']>) => void;
}) {
  const text = (name: keyof Form['metadata'], label: string, hint?: string, required?: boolean, maxLength?: number) => (
    <Field name={`metadata.${name}`} label={label} hint={hint} errors={err(`metadata.${name}`)} required={required}>
      {p => <input {...p} value={form.metadata[name]} maxLength={maxLength}
        onInput={e => updateMetadata({ [name]: (e.target as HTMLInputElement).value })} />}
    </Field>
  );
  return (
    <section class="panel" aria-labelledby="metadata-title">
      <h2 id="metadata-title">公开属性与发布</h2>
      {err('metadata') && <p class="field-error">{err('metadata')!.join(' ')}</p>}
      <div class="field-grid">
        {text('publisher', '发布机构', '例如：临沂市商务局', true)}
        {text('orgCode', '组织机构代码', '用于生成索引号，例如 1123045263', true)}
        {text('indexNumber', '索引号', '留空则自动生成，格式：组织机构代码/分类代码/年份-序号')}
        {text('documentNumber', '文号', '例如：临政办字〔2023〕45号（年份用六角括号〔〕）')}
        <Field name="metadata.disclosureMode" label="公开方式" errors={err('metadata.disclosureMode')} required hint="“不予公开”的稿件不会发布。">
          {p => (
            <select {...p} value={form.metadata.disclosureMode} onChange={e => updateMetadata({ disclosureMode: (e.target as HTMLSelectElement).value })}>
              {disclosureModes.map(m => <option key={m} value={m}>{m}</option>)}
            </select>
          )}
        </Field>
        {text('category', '主题分类', '例如：商务、政务公开、通知公告')}
        <Field name="metadata.validity" label="有效性" errors={err('metadata.validity')}>
          {p => (
            <select {...p} value={form.metadata.validity} onChange={e => updateMetadata({ validity: (e.target as HTMLSelectElement).value })}>
              {['有效', '失效', '废止', ''].map(v => <option key={v} value={v}>{v || '不填写'}</option>)}
            </select>
          )}
        </Field>
        <Field name="metadata.writtenDate" label="成文日期" errors={err('metadata.writtenDate')}>
          {p => <input {...p} type="date" value={form.metadata.writtenDate} onInput={e => updateMetadata({ writtenDate: (e.target as HTMLInputElement).value })} />}
        </Field>
        {text('wechatTitle', '微信标题', `不超过 32 字，留空则用标题（已填 ${form.metadata.wechatTitle.length} 字）`, false, 32)}
        <Field name="publishAt" label="定时发布（北京时间）" errors={err('publishAt')} hint="留空则终审通过后立即发布。">
          {p => <input {...p} type="datetime-local" value={form.publishAt} onInput={e => update({ publishAt: (e.target as HTMLInputElement).value })} />}
        </Field>
      </div>
      <fieldset class={`field${err('channels') ? ' field-invalid' : ''}`} id="field-channels">
        <legend>发布渠道<span class="required" aria-hidden="true"> *</span></legend>
        {err('channels') && <p class="field-error">{err('channels')!.join(' ')}</p>}
        <div class="checkbox-row">
          {channels.map(c => (
            <label key={c} class="checkbox">
              <input type="checkbox" checked={form.channels.includes(c)}
                onChange={e => update({ channels: (e.target as HTMLInputElement).checked ? [...form.channels, c] : form.channels.filter(x => x !== c) })} />
              {channelName(c)}
            </label>
          ))}
        </div>
      </fieldset>
      {form.kind === 'policy' && (
        <label class="checkbox">
          <input type="checkbox" checked={form.requiresInterpretation} onChange={e => update({ requiresInterpretation: (e.target as HTMLInputElement).checked })} />
          本政策文件需要配套政策解读（三同步，3 个工作日内发布解读）
        </label>
      )}
      {form.kind === 'interpretation' && (
        <PolicyPicker value={form.interpretsItemId} onChange={id => update({ interpretsItemId: id })} errors={err('interpretsItemId')} />
      )}
    </section>
  );
}
