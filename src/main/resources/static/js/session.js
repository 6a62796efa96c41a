// The signed-in user of this browser tab: the token from POST /api/v1/auth/login and who it belongs to,
// in sessionStorage (gone when the tab closes; never in localStorage, which other tabs and later
// visitors of a shared office computer would read).

const SESSION_KEY = 'kaohe.session';

// TEMPORARY (remove when the security module is merged): remembers for this tab that the server has
// no login yet (GET /api/v1/auth/me answered 404), so pages stop asking on every load.
const NO_LOGIN_KEY = 'kaohe.noLogin';

/** The session {token, expiresAt, user: {name, displayName, roles}}, or null when none or expired. */
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
    user: login.user,
  }));
  sessionStorage.removeItem(NO_LOGIN_KEY);
}

/** Updates the user of the current session (from GET /api/v1/auth/me). */
export function updateUser(user) {
  const session = current();
  if (session) {
    session.user = user;
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  }
}

export function clear() {
  sessionStorage.removeItem(SESSION_KEY);
}

/** TEMPORARY (until security is merged): whether this server was found to have no login. */
export function serverHasNoLogin() {
  return sessionStorage.getItem(NO_LOGIN_KEY) === 'true';
}

/** TEMPORARY (until security is merged). */
export function rememberServerHasNoLogin() {
  sessionStorage.setItem(NO_LOGIN_KEY, 'true');
}

/** Whether the user holds a role; everyone holds every role while the server has no login. */
export function hasRole(user, role) {
  return Boolean(user && (user.anonymous || (user.roles || []).includes(role)));
}
