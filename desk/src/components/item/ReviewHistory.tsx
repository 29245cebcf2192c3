import type { ReviewRecord } from '../../lib/types';
import { formatDateTime } from '../../lib/format';
import { aspectName, aspects, stageName } from '../../lib/vocabulary';
import { Badge } from '../ui';

export function ReviewHistory({ reviews }: { reviews: ReviewRecord[] }) {
  if (reviews.length === 0) return <p>还没有审核决定。</p>;
  return (
    <ol class="review-history">
      {[...reviews].reverse().map(r => (
        <li key={`${r.version}-${r.stage}-${r.at}`}>
          <p>
            <strong>第 {r.version} 版 · {stageName(r.stage)}</strong>　
            {r.decision === 'approve' ? <Badge tone="ok">通过</Badge> : <Badge tone="bad">退回修改</Badge>}　
            {r.reviewerName}　<span class="muted">{formatDateTime(r.at)}</span>
          </p>
          <p class="muted">{aspects.map(a => `${aspectName(a)}${r.aspects[a] ? '✓' : '✗'}`).join('　')}</p>
          {r.comment && <p class="comment">{r.comment}</p>}
        </li>
      ))}
    </ol>
  );
}
