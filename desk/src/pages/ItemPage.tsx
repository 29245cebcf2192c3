import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DecisionForm } from '../components/item/DecisionForm';
import { DiffView } from '../components/item/DiffView';
import { MetadataTable } from '../components/item/MetadataTable';
import { NotesPanel, type Selection } from '../components/item/NotesPanel';
import { PublicationPanel } from '../components/item/PublicationPanel';
import { ReviewHistory } from '../components/item/ReviewHistory';
import { findingMarkId } from '../components/ChecksPanel';
import { Badge, ChannelStates, ConfirmDialog, LoadState, Notice, PageTitle, StatusBadge, type NoticeState } from '../components/ui';
import { ApiError, get, messageOf, post } from '../lib/api';
import { takeFlash } from '../lib/flash';
import { formatDateTime } from '../lib/format';
import { highlightHtml, markQuote, selectionIn } from '../lib/highlight';
import { occurrencesOf } from '../lib/findings';
import { navigate } from '../lib/router';
import { hasRole, type Me } from '../lib/session';
import type { ItemView, PassageNote, VersionView } from '../lib/types';
import {
  aspectName, ChannelState, ItemStatus, kindName, reviewerRoleOf, Role, severityName, stageName, withdrawableStatuses,
} from '../lib/vocabulary';

type Tab = 'article' | 'previous' | 'published' | 'metadata';

/**
 * Statuses and channel states that change without anyone acting: the page polls while it sees one. A stage that is
 * already decided but not yet left (the decision is recorded before the workflow moves on) counts too.
 */
const moving = (item: ItemView) =>
  [ItemStatus.Submitted, ItemStatus.Approved, ItemStatus.Publishing, ItemStatus.Retracting].includes(item.status as never)
  || (item.status === ItemStatus.InReview && item.reviews.some(r => r.version === item.version && r.stage === item.stage))
  || Object.values(item.publications).some(p => [ChannelState.Pending, ChannelState.Sending, ChannelState.Retracting].includes(p.state as never));

export function ItemPage({ me, id }: { me: Me; id: string }) {
  const [item, setItemState] = useState<ItemView | null>(null);
  const setItem = (next: ItemView) => setItemState({ ...next, findings: occurrencesOf(next.findings ?? []) });
  const [version, setVersion] = useState<VersionView | null>(null);
  const [notes, setNotes] = useState<PassageNote[] | null>(null);
  const [notesDenied, setNotesDenied] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState<Tab>('article');
  const [selection, setSelection] = useState<Selection | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(() => {
    const flash = takeFlash();
    return flash ? { kind: 'ok', text: flash } : null;
  });
  const [withdrawing, setWithdrawing] = useState(false);
  // The decision form disappears once the stage is decided; its result stays where it was, and takes focus.
  const [decided, setDecided] = useState<NoticeState | null>(null);
  const decidedRef = useRef<HTMLElement>(null);
  useEffect(() => decidedRef.current?.focus(), [decided]);
  const [polls, setPolls] = useState(0);
  // After an action the outcome arrives asynchronously: keep following for a minute even if nothing seems to move yet.
  const [followUntil, setFollowUntil] = useState(0);
  const article = useRef<HTMLElement>(null);

  const loadItem = async () => {
    try {
      const next = await get<ItemView>(`/api/items/${id}`);
      setItem(next);
      setError(null);
      return next;
    } catch (e) {
      setError(e);
      return null;
    }
  };

  const loadNotes = async () => {
    try {
      setNotes((await get<{ notes: PassageNote[] }>(`/api/items/${id}/notes`)).notes);
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) setNotesDenied(true);
      setNotes([]);
    }
  };

  useEffect(() => {
    void loadItem();
    void loadNotes();
  }, [id]);

  useEffect(() => {
    if (!item) return;
    if (version?.version === item.version) return;
    get<VersionView>(`/api/items/${id}/versions/${item.version}`).then(setVersion, setError);
  }, [item?.version]);

  // Follow the workflow while it moves (checks running, publishing, retracting), for at most five minutes.
  useEffect(() => {
    if (!item || !(moving(item) || Date.now() < followUntil) || polls > 150) return;
    const timer = setTimeout(async () => {
      await loadItem();
      setPolls(p => p + 1);
    }, 2000);
    return () => clearTimeout(timer);
  }, [item, polls, followUntil]);

  const follow = () => {
    setPolls(0);
    setFollowUntil(Date.now() + 60_000);
  };

  const articleHtml = useMemo(() => {
    if (!version || !item) return '';
    const findings = item.findings
      .map((f, index) => ({ f, index }))
      .filter(({ f }) => f.htmlStart != null)
      .map(({ f, index }) => ({ start: f.htmlStart!, length: f.htmlLength ?? f.length, className: `finding sev-${f.severity}`, id: findingMarkId(index) }));
    return highlightHtml(version.sanitizedHtml, findings);
  }, [version, item?.findings]);

  // Notes are anchored by quoted text; mark them on the rendered article.
  useLayoutEffect(() => {
    const root = article.current;
    if (!root || !notes || tab !== 'article') return;
    root.innerHTML = articleHtml;
    notes.filter(n => n.version === version?.version).forEach(n => markQuote(root, n.quote, n.prefix, n.suffix, `note-mark${n.resolved ? ' resolved' : ''}`, `n-${n.id}`));
  }, [articleHtml, notes, tab]);

  useEffect(() => {
    const update = () => setSelection(article.current ? selectionIn(article.current) : null);
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, []);

  if (!item) return <><PageTitle title="稿件">稿件</PageTitle><LoadState error={error} reload={loadItem} /></>;

  const isSubmitter = item.submittedBy === me.id;
  const stageRole = item.stage ? reviewerRoleOf[item.stage] : undefined;
  const signedThisVersion = item.reviews.find(r => r.version === item.version && r.reviewer === me.id);
  const mayDecide = item.status === ItemStatus.InReview && !!stageRole && hasRole(me, stageRole) && !isSubmitter && !signedThisVersion;
  const whyNot = item.status === ItemStatus.InReview && stageRole && hasRole(me, stageRole)
    ? (isSubmitter ? '不能审核自己提交的稿件，请由其他审核人员处理。'
      : signedThisVersion ? `您已对第 ${item.version} 版作出${stageName(signedThisVersion.stage)}决定，同一人不能审核同一版本的两个环节。` : null)
    : null;
  const currentNotes = (notes ?? []).filter(n => n.version === item.version);
  const openNotes = currentNotes.filter(n => !n.resolved);
  const canOperate = hasRole(me, Role.Admin, Role.FinalReviewer);
  const seesPublication = item.approvedVersion != null && hasRole(me, Role.Admin, Role.FinalReviewer, Role.Auditor, Role.Editor);
  const canAudit = hasRole(me, Role.Admin, Role.Auditor) || isSubmitter || item.reviews.some(r => r.reviewer === me.id);
  const hasPublished = item.approvedVersion != null && [ItemStatus.Published, ItemStatus.PartiallyPublished, ItemStatus.Retracted].includes(item.status as never);

  const locateNote = (note: PassageNote) => {
    setTab('article');
    setTimeout(() => {
      const mark = article.current?.querySelector<HTMLElement>(`[data-mark="n-${note.id}"]`);
      if (!mark) {
        setNotice({ kind: 'info', text: '该批注引用的文字在本版中已不存在。' });
        return;
      }

      mark.tabIndex = -1;
      mark.scrollIntoView({ block: 'center' });
      mark.focus({ preventScroll: true });
    }, 0);
  };

  const locateFinding = (index: number) => {
    setTab('article');
    setTimeout(() => {
      const mark = article.current?.querySelector<HTMLElement>(`[data-mark~="${findingMarkId(index)}"]`);
      if (!mark) return;
      mark.tabIndex = -1;
      mark.scrollIntoView({ block: 'center' });
      mark.focus({ preventScroll: true });
    }, 0);
  };

  const resolveNote = async (note: PassageNote) => {
    try {
      const { data } = await post<PassageNote>(`/api/items/${id}/notes/${note.id}/resolve`, {});
      setNotes(ns => (ns ?? []).map(n => (n.id === data.id ? data : n)));
      setNotice({ kind: 'ok', text: '批注已标记为已处理。' });
    } catch (e) {
      setNotice({ kind: 'error', text: `未能标记：${messageOf(e)}` });
    }
  };

  const withdraw = async () => {
    try {
      const response = await post<ItemView>(`/api/items/${id}/withdraw`, { version: item.version });
      setNotice(response.status === 202 ? { kind: 'info', text: '撤稿请求已提交，正在处理。' } : { kind: 'ok', text: '稿件已撤回，不会发布。' });
      setWithdrawing(false);
      follow();
      await loadItem();
    } catch (e) {
      setNotice({ kind: 'error', text: `撤稿未成功：${messageOf(e)}` });
      setWithdrawing(false);
    }
  };

  const tabs: { key: Tab; label: string; disabled?: string }[] = [
    { key: 'article', label: '正文' },
    { key: 'previous', label: '与上一版比较', disabled: item.version === 1 ? '这是第 1 版，没有上一版' : undefined },
    { key: 'published', label: '与已发布版本比较', disabled: hasPublished ? undefined : '尚无已发布的版本' },
    { key: 'metadata', label: '公开属性' },
  ];
  const blocks = item.findings.filter(f => f.severity === 'block');

  return (
    <>
      <PageTitle title={item.title}>{item.title}</PageTitle>
      <p class="item-meta">
        <StatusBadge status={item.status} />
        {item.stage && <> <Badge tone="wait">{stageName(item.stage)}</Badge></>}
        <span>第 {item.version} 版 · {kindName(item.kind)} · {item.submittedByName} 提交 · 更新于 {formatDateTime(item.updatedAt)}</span>
        {item.dueAt && item.status === ItemStatus.InReview && <span>· 本环节期限 {formatDateTime(item.dueAt)}</span>}
      </p>
      {mayDecide && <p class="skip-to-decision"><a href="#decision">跳到审核决定</a></p>}
      <Notice notice={notice} />
      <div class="item-layout">
        <div class="item-main">
          <div class="tabs" role="tablist" aria-label="稿件视图">
            {tabs.map(t => (
              <button key={t.key} type="button" role="tab" id={`tab-${t.key}`} aria-selected={tab === t.key} aria-controls="tab-panel"
                tabIndex={tab === t.key ? 0 : -1} disabled={!!t.disabled} title={t.disabled}
                onClick={() => setTab(t.key)}
                onKeyDown={e => {
                  const enabled = tabs.filter(x => !x.disabled);
                  const at = enabled.findIndex(x => x.key === tab);
                  const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                  if (!step) return;
                  const next = enabled[(at + step + enabled.length) % enabled.length];
                  setTab(next.key);
                  document.getElementById(`tab-${next.key}`)?.focus();
                }}>
                {t.label}{t.disabled && <span class="visually-hidden">（{t.disabled}）</span>}
              </button>
            ))}
          </div>
          <section class="panel tab-panel" id="tab-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
            {tab === 'article' && (!version ? <LoadState error={error} reload={loadItem} /> : (
              <>
                <p class="hint">以下为第 {version.version} 版清理后的正文，即发布后读者看到的内容。{item.findings.length > 0 && '自动检查发现的问题已用底色标出。'}
                  {currentNotes.length > 0 && '批注引用的文字以绿色下划线标出。'}</p>
                <article class="article" ref={article} aria-label="稿件正文" />
              </>
            ))}
            {tab === 'previous' && <DiffView itemId={id} against="previous" />}
            {tab === 'published' && <DiffView itemId={id} against="published" />}
            {tab === 'metadata' && <MetadataTable item={item} />}
          </section>
          {item.findings.length > 0 && (
            <section class="panel" aria-labelledby="item-findings-title">
              <h2 id="item-findings-title">自动检查结果（第 {item.version} 版）</h2>
              <p>{blocks.length > 0 ? <strong class="text-bad">阻断 {blocks.length} 处，</strong> : null}共 {item.findings.length} 处。</p>
              <ol class="finding-items compact">
                {item.findings.slice(0, 200).map((f, index) => (
                  <li key={index}>
                    <Badge tone={f.severity === 'block' ? 'bad' : f.severity === 'warn' ? 'wait' : 'neutral'}>{aspectName(f.aspect)} · {severityName(f.severity)}</Badge>{' '}
                    {f.message}{' '}
                    {f.htmlStart != null && <button type="button" class="button button-small button-secondary" onClick={() => locateFinding(index)}
                      aria-label={`在正文中定位：${f.excerpt}`}>定位</button>}
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
        <aside class="item-side" aria-label="审核与操作">
          {mayDecide && <DecisionForm me={me} item={item} openNotes={openNotes} onResolveNote={resolveNote}
            onDecided={(next, result) => { setDecided(result); if (next) setItem(next); follow(); }} />}
          {!mayDecide && decided && (
            <section class="panel decision" id="decision" tabIndex={-1} ref={decidedRef} aria-labelledby="decided-title">
              <h2 id="decided-title">审核决定已提交</h2>
              <Notice notice={decided} />
              <p><a href="/desk/queue">返回待我审核</a></p>
            </section>
          )}
          {whyNot && <p class="notice notice-info">{whyNot}</p>}
          {isSubmitter && item.status === ItemStatus.ReturnedForRevision && (
            <section class="panel">
              <h2>稿件已退回修改</h2>
              <p>请根据审核意见和批注修改后重新提交，修改后的稿件将重新从初审开始。</p>
              <p class="actions"><a class="button" href={`/desk/compose/${id}`}>修改稿件</a></p>
            </section>
          )}
          {!notesDenied && notes && (
            <NotesPanel itemId={id} version={item.version} notes={notes} canWrite={mayDecide} selection={selection}
              onAdded={note => setNotes(ns => [...(ns ?? []), note])} onLocate={locateNote} />
          )}
          {seesPublication && <PublicationPanel item={item} canOperate={canOperate} onChanged={() => { follow(); void loadItem(); }} />}
          {!seesPublication && item.channels.length > 0 && (
            <section class="panel"><h2>发布渠道</h2><ChannelStates channels={item.channels} publications={item.publications} /></section>
          )}
          <section class="panel" aria-labelledby="history-title">
            <h2 id="history-title">审核记录</h2>
            <ReviewHistory reviews={item.reviews} />
            {canAudit && <p><a href={`/desk/items/${id}/audit`}>查看完整审计记录</a></p>}
          </section>
          {isSubmitter && withdrawableStatuses.includes(item.status) && (
            <section class="panel">
              <h2>撤稿</h2>
              <p>终审通过前，提交人可以撤回稿件，撤回后不会发布。</p>
              <button type="button" class="button button-secondary" onClick={() => setWithdrawing(true)}>撤回稿件</button>
            </section>
          )}
          <p><button type="button" class="button button-secondary" onClick={() => navigate(hasRole(me, Role.Editor) ? '/desk/mine' : '/desk/queue')}>返回列表</button></p>
        </aside>
      </div>
      <ConfirmDialog open={withdrawing} title="撤回稿件" danger confirmText="确认撤稿" onConfirm={withdraw} onClose={() => setWithdrawing(false)}
        message={<p>确定撤回《{item.title}》吗？撤回后审核流程结束，稿件不会发布。</p>} />
    </>
  );
}
