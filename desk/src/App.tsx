import { Shell } from './components/Shell';
import { usePath } from './lib/router';
import type { Me } from './lib/session';
import { AuditPage } from './pages/AuditPage';
import { ComposePage } from './pages/ComposePage';
import { HomePage } from './pages/HomePage';
import { ItemPage } from './pages/ItemPage';
import { MinePage } from './pages/MinePage';
import { PublicationsPage } from './pages/PublicationsPage';
import { QueuePage } from './pages/QueuePage';
import { SupervisionPage } from './pages/SupervisionPage';
import { PageTitle } from './components/ui';

const itemId = '([0-9a-f]{32})';

function route(path: string, me: Me) {
  let m: RegExpExecArray | null;
  if (path === '/desk/' || path === '/desk') return <HomePage me={me} />;
  if (path === '/desk/compose') return <ComposePage me={me} key="new" />;
  if ((m = new RegExp(`^/desk/compose/${itemId}$`).exec(path))) return <ComposePage me={me} itemId={m[1]} key={m[1]} />;
  if (path === '/desk/mine') return <MinePage me={me} />;
  if (path === '/desk/queue') return <QueuePage me={me} />;
  if (path === '/desk/publications') return <PublicationsPage me={me} />;
  if (path === '/desk/supervision') return <SupervisionPage />;
  if ((m = new RegExp(`^/desk/items/${itemId}/audit$`).exec(path))) return <AuditPage id={m[1]} />;
  if ((m = new RegExp(`^/desk/items/${itemId}$`).exec(path))) return <ItemPage me={me} id={m[1]} key={m[1]} />;
  return (
    <section class="panel">
      <PageTitle title="页面不存在">页面不存在</PageTitle>
      <p>审核台中没有这个页面。请从 <a href="/desk/">首页</a> 进入。</p>
    </section>
  );
}

export function App({ me }: { me: Me }) {
  const path = usePath();
  return <Shell me={me} path={path}>{route(path, me)}</Shell>;
}
