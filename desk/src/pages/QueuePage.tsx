import { useState } from 'preact/hooks';
import { Badge, LoadState, PageTitle, useLoad } from '../components/ui';
import { get } from '../lib/api';
import { formatDateTime } from '../lib/format';
import type { Me } from '../lib/session';
import type { QueueEntry } from '../lib/types';
import { DueState, dueName, kindName, kinds, stageName } from '../lib/vocabulary';

function DueBadge({ entry }: { entry: QueueEntry }) {
  if (entry.dueState === DueState.Overdue) return <Badge tone="bad">已逾期 {entry.overdueWorkingDays} 个工作日</Badge>;
  if (entry.dueState === DueState.DueToday) return <Badge tone="wait">今日到期</Badge>;
  return <Badge tone="neutral">{dueName(entry.dueState)}</Badge>;
}

export function QueuePage({ me }: { me: Me }) {
  const [kind, setKind] = useState('');
  const [due, setDue] = useState('');
  const [sort, setSort] = useState('urgent');
  const query = new URLSearchParams({ ...(kind && { kind }), ...(due && { due }), sort }).toString();
  const { data, error, reload } = useLoad(signal => get<{ items: QueueEntry[] }>(`/api/desk/queue?${query}`, signal), [query]);

  return (
    <>
      <PageTitle title="待我审核">待我审核</PageTitle>
      <p class="lead">等待{me.displayName}审核的稿件。期限按国务院公布的节假日安排计算工作日；逾期稿件排在最前。</p>
      <form class="filters" onSubmit={e => e.preventDefault()} aria-label="筛选待审稿件">
        <label>稿件类型
          <select value={kind} onChange={e => setKind((e.target as HTMLSelectElement).value)}>
            <option value="">全部类型</option>
            {kinds.map(k => <option key={k} value={k}>{kindName(k)}</option>)}
          </select>
        </label>
        <label>期限
          <select value={due} onChange={e => setDue((e.target as HTMLSelectElement).value)}>
            <option value="">全部</option>
            {[DueState.Overdue, DueState.DueToday, DueState.OnTime].map(d => <option key={d} value={d}>{dueName(d)}</option>)}
          </select>
        </label>
        <label>排序
          <select value={sort} onChange={e => setSort((e.target as HTMLSelectElement).value)}>
            <option value="urgent">逾期优先，其次最新</option>
            <option value="newest">最新优先</option>
          </select>
        </label>
        <button type="button" class="button button-secondary" onClick={reload}>刷新</button>
      </form>
      {!data ? <LoadState error={error} reload={reload} /> : data.items.length === 0 ? (
        <p class="empty" role="status">目前没有等待您审核的稿件。</p>
      ) : (
        <table class="table responsive-table" aria-label={`待审稿件，共 ${data.items.length} 篇`}>
          <thead>
            <tr><th scope="col">标题</th><th scope="col">类型</th><th scope="col">环节</th><th scope="col">提交人</th>
              <th scope="col">在本环节</th><th scope="col">期限</th><th scope="col">自动检查</th></tr>
          </thead>
          <tbody>
            {data.items.map(entry => (
              <tr key={entry.id} class={entry.dueState === DueState.Overdue ? 'row-overdue' : undefined}>
                <td data-label="标题"><a href={`/desk/items/${entry.id}`}>{entry.title}</a><span class="muted">（第 {entry.version} 版）</span></td>
                <td data-label="类型">{kindName(entry.kind)}</td>
                <td data-label="环节">{stageName(entry.stage)}</td>
                <td data-label="提交人">{entry.submittedByName}</td>
                <td data-label="在本环节">{entry.workingDaysAtStage} 个工作日<br /><span class="muted">自 {formatDateTime(entry.stageOpenedAt)}</span></td>
                <td data-label="期限"><DueBadge entry={entry} /><br /><span class="muted">{formatDateTime(entry.dueAt)}</span></td>
                <td data-label="自动检查">
                  {entry.blockFindings > 0 ? <Badge tone="bad">阻断 {entry.blockFindings}</Badge> : <Badge tone="ok">无阻断</Badge>}
                  {entry.warnFindings > 0 && <> <Badge tone="wait">警告 {entry.warnFindings}</Badge></>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
