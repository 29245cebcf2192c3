import { useState } from 'preact/hooks';
import { ChannelStates, LoadState, PageTitle, StatusBadge, useLoad } from '../components/ui';
import { get } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { query as currentQuery } from '../lib/router';
import type { Me } from '../lib/session';
import type { DeskItemRow } from '../lib/types';
import { kindName } from '../lib/vocabulary';

export function PublicationsPage(_: { me: Me }) {
  const [attention, setAttention] = useState(currentQuery().get('attention') === 'true');
  const { data, error, reload } = useLoad(
    signal => get<{ items: DeskItemRow[]; truncated: boolean }>(`/api/desk/publications${attention ? '?attention=true' : ''}`, signal), [attention]);

  return (
    <>
      <PageTitle title="发布管理">发布管理</PageTitle>
      <p class="lead">通过终审的稿件在各渠道的发布情况。打开稿件可重试失败的渠道、核实结果未知的发布或撤回稿件。</p>
      <form class="filters" onSubmit={e => e.preventDefault()} aria-label="筛选发布">
        <label class="checkbox">
          <input type="checkbox" checked={attention} onChange={e => setAttention((e.target as HTMLInputElement).checked)} />
          只看需要处理的（发布失败、结果未知、待平台审核）
        </label>
        <button type="button" class="button button-secondary" onClick={reload}>刷新</button>
      </form>
      {!data ? <LoadState error={error} reload={reload} /> : data.items.length === 0 ? (
        <p class="empty" role="status">{attention ? '没有需要处理的发布。' : '还没有通过终审的稿件。'}</p>
      ) : (
        <table class="table responsive-table" aria-label={`发布记录，共 ${data.items.length} 篇`}>
          <thead><tr><th scope="col">标题</th><th scope="col">类型</th><th scope="col">状态</th><th scope="col">各渠道</th><th scope="col">更新时间</th></tr></thead>
          <tbody>
            {data.items.map(row => (
              <tr key={row.id}>
                <td data-label="标题"><a href={`/desk/items/${row.id}#publication`}>{row.title}</a><span class="muted">（第 {row.approvedVersion} 版）</span></td>
                <td data-label="类型">{kindName(row.kind)}</td>
                <td data-label="状态"><StatusBadge status={row.status} /></td>
                <td data-label="各渠道"><ChannelStates channels={row.channels} publications={row.publications} /></td>
                <td data-label="更新时间">{formatDateTime(row.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
