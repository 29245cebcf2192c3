import { useState } from 'preact/hooks';
import { LoadState, PageTitle, useLoad } from '../components/ui';
import { get } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { navigate } from '../lib/router';
import { hasRole, type Me } from '../lib/session';
import type { DeskItemRow, InboxNotification, QueueEntry } from '../lib/types';
import { DueState, ItemStatus, Role, roleName } from '../lib/vocabulary';

const isReviewer = (me: Me) => hasRole(me, Role.InitialReviewer, Role.SecondReviewer, Role.FinalReviewer);

export function HomePage({ me }: { me: Me }) {
  const queue = useLoad(signal => (isReviewer(me) ? get<{ items: QueueEntry[] }>('/api/desk/queue', signal) : Promise.resolve(null)), []);
  const mine = useLoad(signal => (hasRole(me, Role.Editor) ? get<{ items: DeskItemRow[] }>('/api/desk/mine', signal) : Promise.resolve(null)), []);
  const inbox = useLoad(signal => get<{ notifications: InboxNotification[] }>('/api/inbox', signal), []);
  const [openId, setOpenId] = useState('');
  const [openError, setOpenError] = useState('');

  const overdue = queue.data?.items.filter(i => i.dueState === DueState.Overdue).length ?? 0;
  const returned = mine.data?.items.filter(i => i.status === ItemStatus.ReturnedForRevision).length ?? 0;

  const open = (event: Event) => {
    event.preventDefault();
    const id = openId.trim().toLowerCase();
    if (!/^[0-9a-f]{32}$/.test(id)) {
      setOpenError('稿件编号是 32 位的数字和字母（a–f），请检查后重试。');
      return;
    }

    navigate(`/desk/items/${id}`);
  };

  return (
    <>
      <PageTitle title="首页">您好，{me.displayName}</PageTitle>
      <p class="lead">您的角色：{me.roles.map(roleName).join('、')}。</p>
      <div class="cards">
        {hasRole(me, Role.Editor) && (
          <section class="card" aria-labelledby="card-editor">
            <h2 id="card-editor">稿件编辑</h2>
            {mine.data ? <p>{returned > 0 ? <strong class="text-bad">有 {returned} 篇稿件被退回修改</strong> : '没有被退回的稿件'}，共 {mine.data.items.length} 篇。</p>
              : <LoadState error={mine.error} reload={mine.reload} />}
            <p class="actions"><a class="button" href="/desk/compose">写新稿件</a><a class="button button-secondary" href="/desk/mine">我的稿件</a></p>
          </section>
        )}
        {isReviewer(me) && (
          <section class="card" aria-labelledby="card-review">
            <h2 id="card-review">待我审核</h2>
            {queue.data ? <p>共 {queue.data.items.length} 篇{overdue > 0 && <>，<strong class="text-bad">其中 {overdue} 篇已逾期</strong></>}。</p>
              : <LoadState error={queue.error} reload={queue.reload} />}
            <p class="actions"><a class="button" href="/desk/queue">开始审核</a></p>
          </section>
        )}
        {hasRole(me, Role.Admin, Role.FinalReviewer, Role.Auditor) && (
          <section class="card" aria-labelledby="card-publish">
            <h2 id="card-publish">发布管理</h2>
            <p>查看各渠道发布状态，重试失败渠道、核实结果未知的发布、撤回已发布稿件。</p>
            <p class="actions"><a class="button" href="/desk/publications?attention=true">需处理的发布</a><a class="button button-secondary" href="/desk/publications">全部</a></p>
          </section>
        )}
        {hasRole(me, Role.Admin, Role.Auditor) && (
          <section class="card" aria-labelledby="card-supervision">
            <h2 id="card-supervision">监管与年度报告</h2>
            <p>新媒体更新情况、政策解读期限、表述巡查和年度报告。</p>
            <p class="actions"><a class="button" href="/desk/supervision">查看</a></p>
          </section>
        )}
        <section class="card" aria-labelledby="card-open">
          <h2 id="card-open">按编号打开稿件</h2>
          <form onSubmit={open} class="inline-form">
            <label for="open-id">稿件编号</label>
            {openError && <p class="field-error" id="open-id-error">{openError}</p>}
            <input id="open-id" value={openId} onInput={e => setOpenId((e.target as HTMLInputElement).value)} spellcheck={false}
              aria-describedby={openError ? 'open-id-error' : undefined} aria-invalid={openError ? true : undefined} />
            <button class="button" type="submit">打开</button>
          </form>
        </section>
      </div>
      <section class="panel" aria-labelledby="inbox-title">
        <h2 id="inbox-title">最新通知</h2>
        {inbox.data ? (inbox.data.notifications.length === 0 ? <p>暂无通知。</p> : (
          <ul class="inbox">
            {inbox.data.notifications.slice(0, 10).map(n => (
              <li key={n.id}>
                <time>{formatDateTime(n.at)}</time>
                {n.itemId ? <a href={`/desk/items/${n.itemId}`}>{n.message}</a> : <span>{n.message}</span>}
              </li>
            ))}
          </ul>
        )) : <LoadState error={inbox.error} reload={inbox.reload} />}
      </section>
    </>
  );
}
