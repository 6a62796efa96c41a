// 登录: POST /api/v1/auth/login {username, password} → {token, expiresAt, user}; the token is kept for
// this tab and sent by the API client with every call.

import * as api from '../api.js';
import * as session from '../session.js';
import { el, byId, replace, queryParams } from '../dom.js';

/** Back to where the user was sent from, but only within this site. */
function next() {
  const target = queryParams().get('next') || '/';
  return target.startsWith('/') && !target.startsWith('//') ? target : '/';
}

if (queryParams().get('loggedOut')) {
  replace(byId('login-result'), el('div', { class: 'message info' }, '已退出登录。'));
}
byId('username').focus();

byId('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = byId('login');
  button.disabled = true;
  try {
    const login = await api.post('/api/v1/auth/login', {
      username: byId('username').value.trim(),
      password: byId('password').value,
    }, { loginOn401: false });
    session.save(login);
    location.assign(next());
  } catch (err) {
    replace(byId('login-result'), message(err));
  } finally {
    button.disabled = false;
  }
});

function message(err) {
  if (err.status === 401) {
    return el('div', { class: 'message error', role: 'alert' }, '用户名或密码错误');
  }
  return el('div', { class: 'message error', role: 'alert', title: err.full || null }, err.message);
}
