import { useState } from 'preact/hooks';
import { BarChart } from '../components/BarChart';
import { Badge, BusyButton, LoadState, Notice, PageTitle, useLoad, type NoticeState } from '../components/ui';
import { download, get, messageOf } from '../lib/api';
import { formatDate, formatDateTime } from '../lib/format';
import { channelName, channels, kindName, kinds, levelName, stageName } from '../lib/vocabulary';

interface Account { name: string; owner: string; channel: string; category?: string | null; lastUpdate?: string | null; days?: number | null; level: string }
interface Deadline { policyId: string; title: string; submittedBy: string; publishedAt: string; dueDate: string; state: string; interpretationId?: string | null; interpretedAt?: string | null; onTime?: boolean | null }
interface Patrol { at: string; itemsChecked: number; ruleCount: number; items: { itemId: string; title: string; path: string; newFindings: { message: string; excerpt: string }[] }[] }
interface Annual {
  year: number; itemsDisclosed: number; byChannel: Record<string, number>; byKind: Record<string, number>; policyDocuments: number;
  interpretations: number; retractions: number;
  reviews: { itemsReviewed: number; returnedForRevision: number; stages: { stage: string; decisions: number; meanWorkingDays: number }[] };
}

const levelTone = (level: string) => (level === 'alarm' || level === 'never' ? 'bad' : level === 'warning' ? 'wait' : 'ok');

export function SupervisionPage() {
  const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  const [year, setYear] = useState(thisYear);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [downloading, setDownloading] = useState(false);
  const accounts = useLoad(s => get<{ accounts: Account[] }>('/api/supervision/accounts', s), []);
  const deadlines = useLoad(s => get<{ pending: Deadline[]; overdue: Deadline[]; done: Deadline[] }>('/api/supervision/interpretations', s), []);
  const patrol = useLoad(s => get<Patrol>('/api/supervision/patrol', s), []);
  const annual = useLoad(s => get<Annual>(`/api/reports/annual?year=${year}`, s), [year]);

  const csv = async () => {
    setDownloading(true);
    setNotice({ kind: 'busy', text: '正在生成 CSV……' });
    try {
      await download(`/api/reports/annual?year=${year}&format=csv`, `政府信息公开年度报告-${year}.csv`);
      setNotice({ kind: 'ok', text: `已下载 ${year} 年度报告数据（CSV，可用 Excel 或 WPS 打开）。` });
    } catch (e) {
      setNotice({ kind: 'error', text: `下载未成功：${messageOf(e)}` });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <PageTitle title="监管与年度报告">监管与年度报告</PageTitle>
      <section class="panel" aria-labelledby="accounts-title">
        <h2 id="accounts-title">新媒体账号更新情况</h2>
        <p class="hint">政务新媒体至少每周更新一次；两周未更新属单项否决。</p>
        {!accounts.data ? <LoadState error={accounts.error} reload={accounts.reload} /> : accounts.data.accounts.length === 0 ? <p>尚未配置受监管的账号。</p> : (
          <table class="table responsive-table">
            <thead><tr><th scope="col">账号</th><th scope="col">渠道</th><th scope="col">负责人</th><th scope="col">最近更新</th><th scope="col">未更新天数</th><th scope="col">状态</th></tr></thead>
            <tbody>{accounts.data.accounts.map(a => (
              <tr key={a.name}><td data-label="账号">{a.name}</td><td data-label="渠道">{channelName(a.channel)}</td><td data-label="负责人">{a.owner}</td>
                <td data-label="最近更新">{formatDateTime(a.lastUpdate)}</td><td data-label="未更新天数">{a.days ?? '—'}</td>
                <td data-label="状态"><Badge tone={levelTone(a.level)}>{levelName(a.level)}</Badge></td></tr>
            ))}</tbody>
          </table>
        )}
      </section>
      <section class="panel" aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">政策解读期限（三同步）</h2>
        {!deadlines.data ? <LoadState error={deadlines.error} reload={deadlines.reload} /> : (
          <>
            <p><Badge tone="bad">已逾期 {deadlines.data.overdue.length}</Badge> <Badge tone="wait">待解读 {deadlines.data.pending.length}</Badge> <Badge tone="ok">已解读 {deadlines.data.done.length}</Badge></p>
            {[...deadlines.data.overdue, ...deadlines.data.pending].length === 0 ? <p>没有待解读的政策文件。</p> : (
              <table class="table responsive-table">
                <thead><tr><th scope="col">政策文件</th><th scope="col">发布时间</th><th scope="col">解读截止</th><th scope="col">状态</th></tr></thead>
                <tbody>{[...deadlines.data.overdue, ...deadlines.data.pending].map(d => (
                  <tr key={d.policyId}><td data-label="政策文件"><a href={`/desk/items/${d.policyId}`}>{d.title}</a></td><td data-label="发布时间">{formatDateTime(d.publishedAt)}</td>
                    <td data-label="解读截止">{d.dueDate}</td><td data-label="状态">{d.state === 'overdue' ? <Badge tone="bad">已逾期</Badge> : <Badge tone="wait">待解读</Badge>}</td></tr>
                ))}</tbody>
              </table>
            )}
          </>
        )}
      </section>
      <section class="panel" aria-labelledby="patrol-title">
        <h2 id="patrol-title">表述错误巡查</h2>
        {!patrol.data ? (patrol.error ? <p>{messageOf(patrol.error)}</p> : <LoadState error={null} reload={patrol.reload} />) : (
          <>
            <p>最近一次巡查：{formatDateTime(patrol.data.at)}，检查已发布稿件 {patrol.data.itemsChecked} 篇，规则 {patrol.data.ruleCount} 条，{patrol.data.items.length} 篇有新发现。</p>
            {patrol.data.items.length > 0 && (
              <ul>{patrol.data.items.map(i => (
                <li key={i.itemId}><a href={`/desk/items/${i.itemId}`}>{i.title}</a>：{i.newFindings.map(f => `“${f.excerpt}” ${f.message}`).join('；')}</li>
              ))}</ul>
            )}
          </>
        )}
      </section>
      <section class="panel" aria-labelledby="annual-title">
        <h2 id="annual-title">政府信息公开工作年度报告</h2>
        <form class="filters" onSubmit={e => e.preventDefault()}>
          <label>年度
            <select value={year} onChange={e => setYear(Number((e.target as HTMLSelectElement).value))}>
              {Array.from({ length: 6 }, (_, i) => thisYear - i).map(y => <option key={y} value={y}>{y} 年</option>)}
            </select>
          </label>
          <BusyButton busy={downloading} busyText="正在下载……" onClick={csv} class="button button-secondary">下载 CSV</BusyButton>
        </form>
        <Notice notice={notice} />
        {!annual.data ? <LoadState error={annual.error} reload={annual.reload} /> : (
          <>
            <p>{annual.data.year} 年主动公开信息 <strong>{annual.data.itemsDisclosed}</strong> 条；政策文件 {annual.data.policyDocuments} 件，政策解读 {annual.data.interpretations} 件，撤回 {annual.data.retractions} 条。
              审核稿件 {annual.data.reviews.itemsReviewed} 篇，退回修改 {annual.data.reviews.returnedForRevision} 次。</p>
            <div class="charts">
              <BarChart title="按发布渠道" data={channels.map(c => ({ label: channelName(c), value: annual.data!.byChannel[c] ?? 0 }))} />
              <BarChart title="按信息类别" data={kinds.map(k => ({ label: kindName(k), value: annual.data!.byKind[k] ?? 0 }))} />
            </div>
            <table class="table">
              <caption>年度数据</caption>
              <thead><tr><th scope="col">指标</th><th scope="col">项目</th><th scope="col">数值</th></tr></thead>
              <tbody>
                {channels.map(c => <tr key={c}><td>按发布渠道</td><td>{channelName(c)}</td><td>{annual.data!.byChannel[c] ?? 0}</td></tr>)}
                {kinds.map(k => <tr key={k}><td>按信息类别</td><td>{kindName(k)}</td><td>{annual.data!.byKind[k] ?? 0}</td></tr>)}
                {annual.data.reviews.stages.map(s => <tr key={s.stage}><td>平均审核用时（工作日）</td><td>{stageName(s.stage)}</td><td>{s.meanWorkingDays.toFixed(2)}</td></tr>)}
              </tbody>
            </table>
            <p class="muted">统计口径：{formatDate(`${annual.data.year}-01-01T00:00:00+08:00`)} 至 {annual.data.year} 年 12 月 31 日（北京时间），按至少一个渠道发布计。</p>
          </>
        )}
      </section>
    </>
  );
}
