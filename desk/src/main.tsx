import { render } from 'preact';
import { App } from './App';
import { get, ApiError, messageOf } from './lib/api';
import { interceptLinks } from './lib/router';
import { signInUrl, takeTokenFromFragment, type Me } from './lib/session';
import './styles/desk.css';

async function start() {
  takeTokenFromFragment();
  interceptLinks();
  const root = document.getElementById('app')!;
  try {
    const me = await get<Me>('/api/me');
    root.textContent = '';
    render(<App me={me} />, root);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      location.assign(signInUrl());
      return;
    }

    root.innerHTML = '';
    const message = document.createElement('p');
    message.className = 'notice notice-error';
    message.setAttribute('role', 'alert');
    message.textContent = `审核台无法启动：${messageOf(error)}`;
    root.append(message);
  }
}

void start();
