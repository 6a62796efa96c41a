// The frame of every page: the top navigation, who is signed in, and the sign-in gate that runs before
// a page shows anything.

import * as api from './api.js';
import * as session from './session.js';
import { el, replace } from './dom.js';
import { USER_ROLE_LABELS, label } from './labels.js';

/** The pages of the top navigation. */
const PAGES = [
  { id: 'upload', href: '/upload.html', label: '数据上报' },
  { id: 'results', href: '/results.html', label: '评估结果' },
  { id: 'rankings', href: '/rankings.html', label: '排名趋势' },
  { id: 'units', href: '/units.html', label: '单位' },
  { id: 'rules', href: '/rules.html', label: '规则' },
  { id: 'appeals', href: '/appeals.html', label: '申诉' },
  { id: 'notices', href: '/notices.html', label: '通报' },
];

/**
 * Runs a page: draws the frame for {@code pageId}, makes sure someone is signed in (or sends them to
 * the login page), reveals <main> and calls {@code start(user)}. A failure the page did not handle
 * itself is shown at the top of the page and logged to the console (where the browser tests see it).
 */
export async function runPage(pageId, start) {
  window.addEventListener('unhandledrejection', (event) => showPageError(event.reason));
  const header = document.getElementById('shell');
  replace(header, topbar(pageId, null));
  try {
    const user = await signIn();
    replace(header, topbar(pageId, user));
    document.querySelector('main').hidden = false;
    await start(user);
  } catch (err) {
    if (err && err.status === 401) {
      return; // on its way to the login page
    }
    console.error(err);
    showPageError(err);
  }
}

function topbar(pageId, user) {
  return el('div', { class: 'topbar' },
    el('a', { class: 'brand', href: '/' }, '考核', el('small', {}, '大气污染防治攻坚考核系统')),
    el('nav', {}, PAGES.map((p) => el('a', {
      href: p.href,
      class: p.id === pageId ? 'active' : null,
      dataset: { page: p.id },
    }, p.label))),
    user ? userArea(user) : null);
}

function userArea(user) {
  const roles = (user.roles || []).map((r) => label(USER_ROLE_LABELS, r)).join('、');
  return el('div', { class: 'user', id: 'signed-in' },
    el('span', { id: 'signed-in-user' }, user.username),
    el('span', { class: 'roles', id: 'signed-in-roles' }, roles),
    el('button', { type: 'button', id: 'logout', onclick: logout }, '退出'));
}

/**
 * The signed-in user {username, roles}. Without a token the page goes straight to the login page; with
 * one, GET /api/v1/auth/me checks it (expired or revoked: 401, which also goes to the login page).
 */
async function signIn() {
  if (!session.current()) {
    api.toLogin();
    const gone = new Error('not signed in');
    gone.status = 401;
    throw gone;
  }
  const me = await api.get('/api/v1/auth/me');
  session.updateUser(me);
  return { username: me.username, roles: me.roles || [] };
}

async function logout() {
  try {
    await api.post('/api/v1/auth/logout', undefined, { loginOn401: false });
  } catch {
    // the token is dropped here either way
  }
  session.clear();
  sessionStorage.removeItem('kaohe.rulesDraft'); // a rule draft belongs to whoever made it
  location.assign('/login.html?loggedOut=1');
}

/** A failure no page handled: shown at the top of <main> so it is never silent. */
export function showPageError(error) {
  const main = document.querySelector('main');
  if (!main) {
    return;
  }
  main.hidden = false;
  main.prepend(errorMessage(error));
}

/** A message box for a failed call: the Chinese message, and the problem's full text on hover. */
export function errorMessage(error, heading) {
  const text = error && error.message ? error.message : String(error);
  return el('div', { class: 'message error', role: 'alert', title: (error && error.full) || null },
    heading ? el('div', { class: 'title' }, heading) : null,
    el('div', {}, text));
}
