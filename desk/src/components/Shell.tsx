import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { onUnauthorized } from '../lib/api';
import { hasRole, signInUrl, signOut, type Me } from '../lib/session';
import { Role, roleName } from '../lib/vocabulary';

const largeTextKey = 'desk.largeText';

function useLargeText(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => localStorage.getItem(largeTextKey) === '1');
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', on);
    localStorage.setItem(largeTextKey, on ? '1' : '0');
  }, [on]);
  return [on, setOn];
}

interface NavLink {
  href: string;
  label: string;
  show: (me: Me) => boolean;
}

const links: NavLink[] = [
  { href: '/desk/', label: '首页', show: () => true },
  { href: '/desk/compose', label: '写稿', show: me => hasRole(me, Role.Editor) },
  { href: '/desk/mine', label: '我的稿件', show: me => hasRole(me, Role.Editor) },
  { href: '/desk/queue', label: '待我审核', show: me => hasRole(me, Role.InitialReviewer, Role.SecondReviewer, Role.FinalReviewer) },
  { href: '/desk/publications', label: '发布管理', show: me => hasRole(me, Role.Admin, Role.FinalReviewer, Role.Auditor) },
  { href: '/desk/supervision', label: '监管与年报', show: me => hasRole(me, Role.Admin, Role.Auditor) },
];

export function Shell({ me, path, children }: { me: Me; path: string; children: ComponentChildren }) {
  const [largeText, setLargeText] = useLargeText();
  const [expired, setExpired] = useState(false);
  useEffect(() => onUnauthorized(() => setExpired(true)), []);
  const current = (href: string) => (href === '/desk/' ? path === '/desk/' : path.startsWith(href));

  return (
    <>
      <a class="skip-link" href="#main">跳到主要内容</a>
      <header class="site-header">
        <div class="header-row">
          <a class="brand" href="/desk/">政务公开审核台</a>
          <div class="header-tools">
            <span class="whoami">{me.displayName}（{me.roles.map(roleName).join('、')}）</span>
            <button type="button" class="button button-header" aria-pressed={largeText} onClick={() => setLargeText(!largeText)}>
              {largeText ? '标准字号' : '大字号（适老化）'}
            </button>
            <button type="button" class="button button-header" onClick={signOut}>退出登录</button>
          </div>
        </div>
        <nav aria-label="主导航">
          <ul>
            {links.filter(l => l.show(me)).map(l => (
              <li key={l.href}><a href={l.href} aria-current={current(l.href) ? 'page' : undefined}>{l.label}</a></li>
            ))}
          </ul>
        </nav>
      </header>
      {expired && (
        <div class="notice notice-error banner" role="alert">
          登录已过期，刚才的操作没有完成。页面内容和草稿仍保留在本机：
          <a href={signInUrl()} target="_blank" rel="opener">在新标签页重新登录</a>后回到本页重试，或
          <a href={signInUrl()}>在本页重新登录</a>。
          <button type="button" class="button button-small button-secondary" onClick={() => setExpired(false)}>关闭提示</button>
        </div>
      )}
      <main id="main">{children}</main>
      <footer class="site-footer">政务公开发布审核系统 · 三审三校、四关把关 · 所有操作记入审计记录</footer>
    </>
  );
}
