import { LoadState, useLoad } from '../ui';
import { get } from '../../lib/api';
import type { VersionDiff } from '../../lib/types';

/** Word-level comparison as the server computes it: deletions struck through, insertions underlined, both labelled. */
export function DiffView({ itemId, against }: { itemId: string; against: 'previous' | 'published' }) {
  const path = `/api/items/${itemId}/diff${against === 'published' ? '?against=published' : ''}`;
  const { data, error, reload } = useLoad(signal => get<VersionDiff>(path, signal), [path]);
  if (!data) return <LoadState error={error} reload={reload} />;
  const unchanged = data.insertedCharacters + data.deletedCharacters === 0 && data.fields.length === 0;
  return (
    <div class="diff">
      <p class="diff-summary" role="status">
        第 {data.fromVersion} 版 → 第 {data.toVersion} 版：{unchanged ? '内容没有变化。' : `正文新增 ${data.insertedCharacters} 字、删除 ${data.deletedCharacters} 字${data.fields.length ? `，${data.fields.length} 项属性有变化` : ''}。`}
      </p>
      <p class="diff-legend"><ins>新增的文字</ins>　<del>删除的文字</del></p>
      {data.fields.length > 0 && (
        <table class="table">
          <caption>属性变化</caption>
          <thead><tr><th scope="col">项目</th><th scope="col">第 {data.fromVersion} 版</th><th scope="col">第 {data.toVersion} 版</th></tr></thead>
          <tbody>{data.fields.map(f => <tr key={f.field}><th scope="row">{f.label}</th><td>{f.from || '—'}</td><td>{f.to || '—'}</td></tr>)}</tbody>
        </table>
      )}
      <div class="diff-body article" aria-label="正文比较">
        {data.body.map((segment, i) => segment.kind === 'inserted'
          ? <ins key={i}><span class="visually-hidden">［新增：</span>{segment.text}<span class="visually-hidden">］</span></ins>
          : segment.kind === 'deleted'
            ? <del key={i}><span class="visually-hidden">［删除：</span>{segment.text}<span class="visually-hidden">］</span></del>
            : <span key={i}>{segment.text}</span>)}
      </div>
    </div>
  );
}
