import { useEffect, useState } from 'preact/hooks';
import { BusyButton, Notice, type NoticeState } from '../ui';
import { ApiError, messageOf, post } from '../../lib/api';
import { clearDraft, loadDraft, saveDraft } from '../../lib/drafts';
import type { Me } from '../../lib/session';
import type { ItemView, PassageNote } from '../../lib/types';
import { aspectHints, aspectName, aspects, Decision, stageName, stages } from '../../lib/vocabulary';
import { NoteItem } from '../RevisionNotes';

type Aspects = Record<string, boolean>;

/** 三审 decision on the version on screen: four 关, a comment (required to return), approve blocked by block findings. */
export function DecisionForm({ me, item, openNotes, onDecided, onResolveNote }: {
  me: Me; item: ItemView; openNotes: PassageNote[]; onDecided: (item: ItemView | null, result: NoticeState) => void; onResolveNote: (note: PassageNote) => void;
}) {
  const stage = item.stage!;
  const slot = `decision-${item.id}-v${item.version}-${stage}`;
  const saved = loadDraft<{ aspects: Aspects; comment: string }>(me.id, slot)?.value;
  const [checked, setChecked] = useState<Aspects>(saved?.aspects ?? {});
  const [comment, setComment] = useState(saved?.comment ?? '');
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  useEffect(() => void saveDraft(me.id, slot, { aspects: checked, comment }), [checked, comment]);

  const blocks = item.findings.filter(f => f.severity === 'block');
  const blockReason = blocks.length > 0
    ? `自动检查发现 ${blocks.length} 处阻断性问题（${[...new Set(blocks.map(b => aspectName(b.aspect)))].join('、')}：${blocks.slice(0, 3).map(b => `“${b.excerpt}”`).join('、')}${blocks.length > 3 ? '等' : ''}），不能通过，只能退回修改。`
    : null;
  const next = stages[stages.indexOf(stage as (typeof stages)[number]) + 1];

  const decide = async (decision: string) => {
    const local: Record<string, string[]> = {};
    if (decision === Decision.Approve && !aspects.every(a => checked[a])) {
      local.aspects = [`通过须四关全部把关合格，尚未确认：${aspects.filter(a => !checked[a]).map(aspectName).join('、')}。`];
    }

    if (decision === Decision.Reject && !comment.trim()) local.comment = ['退回时请填写修改意见，告诉编辑需要改什么。'];
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setNotice({ kind: 'error', text: Object.values(local).flat().join(' ') });
      return;
    }

    setBusy(decision);
    setNotice({ kind: 'busy', text: `正在提交${stageName(stage)}决定……` });
    try {
      const response = await post<ItemView>(`/api/items/${item.id}/reviews`, {
        stage, decision, version: item.version, comment: comment.trim() || null,
        aspects: { political: !!checked.political, legal: !!checked.legal, confidentiality: !!checked.confidentiality, textual: !!checked.textual },
      });
      clearDraft(me.id, slot);
      const done = decision === Decision.Approve
        ? `已通过${stageName(stage)}（第 ${item.version} 版）。${next ? `稿件进入${stageName(next)}。` : '稿件将按所选渠道发布。'}`
        : `已退回修改（第 ${item.version} 版），编辑将看到您的意见和批注。`;
      const result: NoticeState = { kind: response.status === 202 ? 'info' : 'ok', text: response.status === 202 ? `决定已提交，正在处理中。${done}` : done };
      setNotice(result);
      onDecided(response.status === 200 ? response.data : null, result);
    } catch (e) {
      if (e instanceof ApiError && e.problem.errors) setErrors(e.problem.errors);
      setNotice({ kind: 'error', text: `决定未提交：${messageOf(e)}` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="panel decision" id="decision" aria-labelledby="decision-title">
      <h2 id="decision-title">{stageName(stage)}决定 · 第 {item.version} 版</h2>
      <p>您正在对<strong>第 {item.version} 版</strong>作出<strong>{stageName(stage)}</strong>决定。</p>
      {blockReason && <p class="notice notice-error" id="approve-blocked">{blockReason}</p>}
      <fieldset class={`field${errors.aspects ? ' field-invalid' : ''}`} id="field-aspects">
        <legend>四关把关（全部合格方可通过）</legend>
        {errors.aspects && <p class="field-error">{errors.aspects.join(' ')}</p>}
        {aspects.map(a => (
          <label key={a} class="checkbox">
            <input type="checkbox" name={a} checked={!!checked[a]} onChange={e => setChecked({ ...checked, [a]: (e.target as HTMLInputElement).checked })} />
            <span><strong>{aspectName(a)}</strong>合格<span class="muted">　{aspectHints[a]}</span></span>
          </label>
        ))}
      </fieldset>
      {openNotes.length > 0 && (
        <div class="open-notes">
          <h3>本版待处理批注（{openNotes.length} 条）</h3>
          <ol class="note-list">
            {openNotes.map(n => (
              <NoteItem key={n.id} note={n} actions={
                <button type="button" class="button button-small button-secondary" onClick={() => onResolveNote(n)}>标记为已处理</button>} />
            ))}
          </ol>
        </div>
      )}
      <div class={`field${errors.comment ? ' field-invalid' : ''}`}>
        <label for="field-comment">审核意见（退回时必填）</label>
        {errors.comment && <p class="field-error" id="comment-error">{errors.comment.join(' ')}</p>}
        <textarea id="field-comment" rows={4} maxLength={2000} value={comment} aria-describedby={errors.comment ? 'comment-error' : undefined}
          onInput={e => setComment((e.target as HTMLTextAreaElement).value)} />
      </div>
      <div class="actions">
        <BusyButton busy={busy === Decision.Approve} busyText="正在提交……" disabled={!!blockReason || busy !== null}
          aria-describedby={blockReason ? 'approve-blocked' : undefined} onClick={() => decide(Decision.Approve)}>
          通过{stageName(stage)}
        </BusyButton>
        <BusyButton busy={busy === Decision.Reject} busyText="正在提交……" disabled={busy !== null} class="button button-danger"
          onClick={() => decide(Decision.Reject)}>退回修改</BusyButton>
      </div>
      <Notice notice={notice} />
    </section>
  );
}
