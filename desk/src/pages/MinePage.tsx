import { useState } from 'preact/hooks';
import { ChannelStates, ConfirmDialog, LoadState, Notice, PageTitle, StatusBadge, useLoad, type NoticeState } from '../components/ui';
import { get, messageOf, post } from '../lib/api';
import { formatDateTime } from '../lib/format';
import type { Me } from '../lib/session';
import type { DeskItemRow } from '../lib/types';
import { filterableStatuses, ItemStatus, kindName, kinds, stageName, statusName, withdrawableStatuses } from '../lib/vocabulary';

export function MinePage({ me }: { me: Me }) {
  const [status, setStatus] = useState('');
  const [kind, setKind] = useState('');
  const [withdrawing, setWithdrawing] = useState<DeskItemRow | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const query = new URLSearchParams({ ...(status && { status }), ...(kind && { kind }) }).toString();
  const { data, error, reload } = useLoad(signal => get<{ items: DeskItemRow[]; truncated: boolean }>(`/api/desk/mine?${query}`, signal), [query]);

  const withdraw = async (row: DeskItemRow) => {
    setNotice({ kind: 'busy', text: `正在撤回《${row.title}》……` });
    try {
      const response = await post(`/api/items/${row.id}/withdraw`, { version: row.version });
      setNotice(response.status === 202
        ? { kind: 'info', text: `撤回请求已提交，正在处理。稍后刷新即可看到结果。` }
        : { kind: 'ok', text: `《${row.title}》已撤稿。` });
      setWithdrawing(null);
      reload();
    } catch (e) {
      setNotice({ kind: 'error', text: `撤回未成功：${messageOf(e)}` });
      setWithdrawing(null);
    }
  };

  return (
    <>
      <PageTitle title="我的稿件">我的稿件</PageTitle>
      <p class="lead">{me.displayName}提交的稿件、审核进度和各渠道发布情况。被退回的稿件可打开修改后重新提交。</p>
      <form class="filters" onSubmit={e => e.preventDefault()} aria-label="筛选我的稿件">
        <label>状态
          <select value={status} onChange={e => setStatus((e.target as HTMLSelectElement).value)}>
            <option value="">全部状态</option>
            {filterableStatuses.map(s => <option key={s} value={s}>{statusName(s)}</option>)}
          </select>
        </label>
        <label>稿件类型
          <select value={kind} onChange={e => setKind((e.target as HTMLSelectElement).value)}>
            <option value="">全部类型</option>
            {kinds.map(k => <option key={k} value={k}>{kindName(k)}</option>)}
          </select>
        </label>
        <button type="button" class="button button-secondary" onClick={reload}>刷新</button>
        <a class="button" href="/desk/compose">写新稿件</a>
      </form>
      <Notice notice={notice} />
      {!data ? <LoadState error={error} reload={reload} /> : data.items.length === 0 ? (
        <p class="empty" role="status">没有符合条件的稿件。</p>
      ) : (
        <table class="table responsive-table" aria-label={`我的稿件，共 ${data.items.length} 篇`}>
          <thead>
            <tr><th scope="col">标题</th><th scope="col">类型</th><th scope="col">状态</th><th scope="col">各渠道发布</th><th scope="col">更新时间</th><th scope="col">操作</th></tr>
          </thead>
          <tbody>
            {data.items.map(row => (
              <tr key={row.id}>
                <td data-label="标题"><a href={`/desk/items/${row.id}`}>{row.title}</a><span class="muted">（第 {row.version} 版）</span></td>
                <td data-label="类型">{kindName(row.kind)}</td>
                <td data-label="状态"><StatusBadge status={row.status} />{row.stage && <span class="muted"> {stageName(row.stage)}</span>}</td>
                <td data-label="各渠道发布"><ChannelStates channels={row.channels} publications={row.publications} /></td>
                <td data-label="更新时间">{formatDateTime(row.updatedAt)}</td>
                <td data-label="操作" class="row-actions">
                  {row.status === ItemStatus.ReturnedForRevision && <a class="button button-small" href={`/desk/compose/${row.id}`}>修改</a>}
                  {withdrawableStatuses.includes(row.status) && (
                    <button type="button" class="button button-small button-secondary" onClick={() => setWithdrawing(row)}>撤稿</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data?.truncated && <p class="muted">只显示最近的 {data.items.length} 篇，请用筛选缩小范围。</p>}
      <ConfirmDialog open={withdrawing !== null} title="撤回稿件" danger confirmText="确认撤稿"
        message={<p>确定撤回《{withdrawing?.title}》吗？撤回后审核流程结束，稿件不会发布。</p>}
        onConfirm={() => withdraw(withdrawing!)} onClose={() => setWithdrawing(null)} />
    </>
  );
}
