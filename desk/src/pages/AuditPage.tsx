import { LoadState, PageTitle, useLoad } from '../components/ui';
import { get } from '../lib/api';
import { formatDateTime } from '../lib/format';
import type { AuditEntry, ItemView } from '../lib/types';
import { auditActionName, stageName } from '../lib/vocabulary';

/** Details are small JSON objects; show them as "key: value" text, never as markup. */
function details(text?: string | null): string {
  if (!text) return '';
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object') {
      return Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('；');
    }
  } catch { /* plain text */ }
  return text;
}

export function AuditPage({ id }: { id: string }) {
  const item = useLoad(signal => get<ItemView>(`/api/items/${id}`, signal), [id]);
  const trail = useLoad(signal => get<{ entries: AuditEntry[]; verified: boolean }>(`/api/items/${id}/audit`, signal), [id]);
  return (
    <>
      <PageTitle title="审计记录">审计记录{item.data ? `：${item.data.title}` : ''}</PageTitle>
      <p><a href={`/desk/items/${id}`}>返回稿件</a></p>
      {!trail.data ? <LoadState error={trail.error} reload={trail.reload} /> : (
        <>
          {trail.data.verified
            ? <p class="notice notice-ok" role="status">校验通过：共 {trail.data.entries.length} 条记录，哈希链完整，未发现改动。</p>
            : <p class="notice notice-error" role="alert">校验未通过：审计记录的哈希链不完整，记录可能被改动。请立即报告安全管理员，并保留本页截图。</p>}
          <table class="table responsive-table audit-table">
            <thead><tr><th scope="col">序号</th><th scope="col">时间</th><th scope="col">事项</th><th scope="col">操作人</th><th scope="col">环节/版本</th><th scope="col">详情</th><th scope="col">哈希</th></tr></thead>
            <tbody>
              {trail.data.entries.map(e => (
                <tr key={e.sequence}>
                  <td data-label="序号">{e.sequence}</td>
                  <td data-label="时间">{formatDateTime(e.at)}</td>
                  <td data-label="事项">{auditActionName(e.action)}</td>
                  <td data-label="操作人">{e.actor === 'system' ? '系统' : e.actor}</td>
                  <td data-label="环节/版本">{[stageName(e.stage), e.version ? `第 ${e.version} 版` : ''].filter(Boolean).join(' · ') || '—'}</td>
                  <td data-label="详情" class="audit-details">{details(e.details)}</td>
                  <td data-label="哈希"><code title={e.hash}>{e.hash.slice(0, 12)}…</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
