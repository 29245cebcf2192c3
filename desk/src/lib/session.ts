// Who is signed in. Locally the sign-in page hands a token over in the URL fragment; it is kept in sessionStorage
// (per tab, gone when the tab closes) and sent as a bearer header. In Azure there is no token: App Service
// Authentication's session cookie goes with every same-origin request.

const tokenKey = 'desk.token';

export interface Me {
  id: string;
  displayName: string;
  roles: string[];
}

/** Moves a token from the URL fragment into sessionStorage and removes it from the address bar and history. */
export function takeTokenFromFragment(): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return;
  sessionStorage.setItem(tokenKey, decodeURIComponent(match[1]));
  history.replaceState(history.state, '', location.pathname + location.search);
}

export const bearerToken = () => sessionStorage.getItem(tokenKey);

export function signInUrl(returnTo = location.pathname + location.search): string {
  return `/desk/signin?return=${encodeURIComponent(returnTo)}`;
}

export function signOut(): void {
  sessionStorage.removeItem(tokenKey);
  location.assign('/desk/signout');
}

export const hasRole = (me: Me, ...roles: string[]) => roles.some(r => me.roles.includes(r));
