import type { ItemView } from '../../lib/types';
import { formatDateTime } from '../../lib/format';
import { channelName, kindName } from '../../lib/vocabulary';

/** The disclosure metadata as the published page shows it (索引号, 发布机构, 公开方式, 文号 …). */
export function MetadataTable({ item }: { item: ItemView }) {
  const m = item.metadata;
  const rows: [string, string | null | undefined][] = [
    ['索引号', item.indexNumber ?? m.indexNumber], ['发布机构', m.publisher], ['组织机构代码', m.orgCode], ['公开方式', m.disclosureMode],
    ['文号', m.documentNumber], ['成文日期', m.writtenDate], ['有效性', m.validity], ['主题分类', m.category], ['稿件类型', kindName(item.kind)],
    ['发布渠道', item.channels.map(channelName).join('、')], ['微信标题', m.wechatTitle], ['定时发布', item.publishAt ? formatDateTime(item.publishAt) : '终审通过后立即发布'],
    ['提交人', item.submittedByName], ['提交时间', formatDateTime(item.createdAt)],
  ];
  return (
    <table class="table metadata-table">
      <caption>公开属性</caption>
      <tbody>
        {rows.map(([label, value]) => <tr key={label}><th scope="row">{label}</th><td>{value || '—'}</td></tr>)}
        {item.interpretsItemId && <tr><th scope="row">解读的政策文件</th><td><a href={`/desk/items/${item.interpretsItemId}`}>{item.interpretsItemId}</a></td></tr>}
      </tbody>
    </table>
  );
}
