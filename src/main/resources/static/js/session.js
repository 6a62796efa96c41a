// The signed-in user of this browser tab: the token from POST /api/v1/auth/login and who it belongs to,
// in sessionStorage (gone when the tab closes; never in localStorage, which other tabs and later
// visitors of a shared office computer would read).
//
// The login answer is {token, expiresAt, username, roles}; GET /api/v1/auth/me answers {username, roles}.
// A user here is always {username, roles}.

const SESSION_KEY = 'kaohe.session';

/** The session {token, expiresAt, user: {username, roles}}, or null when none or expired. */
export function current() {
  let session = null;
  try {
    session = JSON.parse(sessionStorage.getItem(SESSION_KEY));
  } catch {
    session = null;
  }
  if (!session || !session.token) {
    return null;
  }
  if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) {
    clear();
    return null;
  }
  return session;
}

export function token() {
  const session = current();
  return session ? session.token : null;
}

/** Keeps the answer of POST /api/v1/auth/login. */
export function save(login) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({
    token: login.token,
    expiresAt: login.expiresAt,
    user: { username: login.username, roles: login.roles || [] },
  }));
}

/** Updates the user of the current session (from GET /api/v1/auth/me). */
export function updateUser(me) {
  const session = current();
  if (session) {
    session.user = { username: me.username, roles: me.roles || [] };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  }
}

export function clear() {
  sessionStorage.removeItem(SESSION_KEY);
}
