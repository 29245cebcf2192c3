import { useState } from 'preact/hooks';
import { Badge, ConfirmDialog, Notice, type NoticeState } from '../ui';
import { ApiError, messageOf, post } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { ItemView } from '../../lib/types';
import { ChannelState, channelName, channelStateName, channelTone, retractableStatuses, retryableChannelStates, statusName } from '../../lib/vocabulary';

type Action = { kind: 'retry' | 'resolve'; channel: string } | { kind: 'retract' };

/** Each channel's publication with retry, resolve (an unknown outcome) and retract, each confirmed with a reason. */
export function PublicationPanel({ item, canOperate, onChanged }: { item: ItemView; canOperate: boolean; onChanged: () => void }) {
  const [action, setAction] = useState<Action | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [outcome, setOutcome] = useState<'posted' | 'notPosted'>('notPosted');
  const [remoteUrl, setRemoteUrl] = useState('');
  const [remoteId, setRemoteId] = useState('');

  const run = async (reason: string) => {
    if (!action) return;
    const label = action.kind === 'retract' ? '撤回' : action.kind === 'retry' ? `重试${channelName(action.channel)}` : `核实${channelName(action.channel)}的发布结果`;
    setNotice({ kind: 'busy', text: `正在${label}……` });
    try {
      if (action.kind === 'retry') {
        await post(`/api/items/${item.id}/channels/${action.channel}/retry`, { reason });
        setNotice({ kind: 'ok', text: `已开始重试${channelName(action.channel)}，状态会自动刷新。` });
      } else if (action.kind === 'resolve') {
        await post(`/api/items/${item.id}/channels/${action.channel}/resolve`, {
          outcome, url: remoteUrl.trim() || null, remoteId: outcome === 'posted' ? remoteId.trim() || null : null, note: reason,
        });
        setNotice({ kind: 'ok', text: `已记录核实结果：${outcome === 'posted' ? '平台上已发出' : '平台上未发出'}。` });
      } else {
        const response = await post(`/api/items/${item.id}/retract`, { reason });
        setNotice(response.status === 202
          ? { kind: 'info', text: '撤回已开始，各渠道正在撤下，状态会自动刷新。' }
          : { kind: 'ok', text: '稿件已从各渠道撤回。' });
      }

      setAction(null);
      onChanged();
    } catch (e) {
      const missing = action.kind === 'resolve' && e instanceof ApiError && (e.status === 404 || e.status === 405) && /地址不存在|HTTP 方法/.test(e.message);
      setNotice({ kind: 'error', text: `${label}未完成：${missing ? '服务器尚未提供“核实结果”功能，请联系管理员更新系统。' : messageOf(e)}` });
      setAction(null);
    }
  };

  const publications = item.publications;
  const channelsShown = item.channels;
  return (
    <section class="panel" id="publication" aria-labelledby="publication-title">
      <h2 id="publication-title">发布情况 · 第 {item.approvedVersion} 版</h2>
      <p>稿件状态：{statusName(item.status)}</p>
      <ul class="channel-cards">
        {channelsShown.map(channel => {
          const p = publications[channel];
          const state = p?.state ?? ChannelState.Pending;
          return (
            <li key={channel} class="channel-card" data-channel={channel}>
              <h3>{channelName(channel)} <Badge tone={channelTone(state)}>{channelStateName(state)}</Badge></h3>
              <p class="muted">
                {p?.url ? <><a href={p.url} target="_blank" rel="noopener">打开</a>　</> : null}
                尝试 {p?.attempts ?? 0} 次 · 更新于 {formatDateTime(p?.updatedAt)}
              </p>
              {p?.lastError && <p class="text-bad">最近错误：{p.lastError}</p>}
              {canOperate && (retryableChannelStates.includes(state)) && (
                <div class="row-actions">
                  <button type="button" class="button button-small" onClick={() => setAction({ kind: 'retry', channel })}
                    aria-label={`重试${channelName(channel)}`}>重试</button>
                  {state === ChannelState.Unknown && (
                    <button type="button" class="button button-small button-secondary" onClick={() => setAction({ kind: 'resolve', channel })}>核实结果</button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {canOperate && retractableStatuses.includes(item.status) && (
        <p class="actions"><button type="button" class="button button-danger" onClick={() => setAction({ kind: 'retract' })}>从所有渠道撤回</button></p>
      )}
      <Notice notice={notice} />
      <ConfirmDialog open={action?.kind === 'retry'} title={`重试${action && action.kind !== 'retract' ? channelName(action.channel) : ''}`}
        confirmText="确认重试" reasonLabel="重试原因（记入审计记录）" onConfirm={run} onClose={() => setAction(null)}
        message={<p>将向{action && action.kind !== 'retract' ? channelName(action.channel) : ''}重新发送第 {item.approvedVersion} 版。结果未知的渠道请先在平台上确认没有发出，避免一稿多发。</p>} />
      <ConfirmDialog open={action?.kind === 'resolve'} title="核实发布结果" confirmText="记录核实结果" reasonLabel="核实说明（记入审计记录）"
        onConfirm={run} onClose={() => setAction(null)}
        message={<p>请登录平台后台查看该稿件是否已经发出，再如实记录。</p>}>
        <fieldset class="field">
          <legend>平台上的实际情况</legend>
          <label class="checkbox"><input type="radio" name="outcome" checked={outcome === 'posted'} onChange={() => setOutcome('posted')} />已经发出</label>
          <label class="checkbox"><input type="radio" name="outcome" checked={outcome === 'notPosted'} onChange={() => setOutcome('notPosted')} />没有发出</label>
        </fieldset>
        {outcome === 'posted' && (
          <div class="field"><label for="resolve-url">平台上的文章链接（可选）</label>
            <input id="resolve-url" type="url" value={remoteUrl} onInput={e => setRemoteUrl((e.target as HTMLInputElement).value)} /></div>
        )}
        {outcome === 'posted' && action?.kind === 'resolve' && action.channel !== 'website' && (
          <div class="field"><label for="resolve-remote-id">{action.channel === 'weibo' ? '微博 ID（数字，撤回时据此删除）' : '微信文章 ID（article_id，撤回时据此删除）'}</label>
            <input id="resolve-remote-id" type="text" inputMode={action.channel === 'weibo' ? 'numeric' : 'text'} maxLength={128} value={remoteId}
              onInput={e => setRemoteId((e.target as HTMLInputElement).value)} /></div>
        )}
      </ConfirmDialog>
      <ConfirmDialog open={action?.kind === 'retract'} title="从所有渠道撤回" danger confirmText="确认撤回" reasonLabel="撤回原因（记入审计记录）"
        onConfirm={run} onClose={() => setAction(null)}
        message={<p>将从政府网站、政务微信、政务微博撤下《{item.title}》。此操作不可撤销。</p>} />
    </section>
  );
}
