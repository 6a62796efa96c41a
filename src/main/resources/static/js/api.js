// The console's one REST client: every page talks to the server through here, exactly as the OA
// system does (same endpoints, same JSON, no second code path). It
// - sends "Authorization: Bearer <token>" when this tab has signed in,
// - turns application/problem+json answers into an ApiError with a readable Chinese message and the
//   located problems (errors[]) for the page to show,
// - sends the user to the login page when the server answers 401 (not signed in, or token expired).

import * as session from './session.js';

/** A failed call: HTTP status, the problem's type, Chinese message, and its located errors[]. */
export class ApiError extends Error {
  constructor({ status, type, title, detail, errors, full, body }) {
    super(detail ? `${title}：${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.type = type || null;
    this.title = title;
    this.detail = detail || '';
    this.errors = errors || [];
    this.full = full || '';
    /** The whole problem document (its extra properties, e.g. a refused ruleset's version). */
    this.body = body || null;
  }

  /** Whether the problem is of this type (the last segment of its URI, e.g. "invalid-facts"). */
  is(typeName) {
    return Boolean(this.type) && this.type.endsWith(`/${typeName}`);
  }
}

/**
 * The Chinese half of Kaohe's bilingual texts ("中文 / English"); the whole text when it has no
 * Chinese half, so nothing is lost.
 */
export function chinese(text) {
  if (!text) {
    return '';
  }
  const cut = text.indexOf(' / ');
  if (cut > 0 && /[\u3400-\u9fff]/.test(text.slice(0, cut))) {
    return text.slice(0, cut).trim();
  }
  return text;
}

const STATUS_MESSAGES = {
  401: '未登录或登录已过期',
  403: '没有执行此操作的权限',
  404: '未找到',
  413: '上传文件过大',
  500: '服务器内部错误',
  502: '服务器暂时不可用',
  503: '服务器暂时不可用',
  504: '服务器响应超时',
};

function loginPage() {
  const here = `${location.pathname}${location.search}`;
  return `/login.html?next=${encodeURIComponent(here)}`;
}

/** Sends the browser to the login page, coming back here after signing in. */
export function toLogin() {
  location.assign(loginPage());
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      const body = await response.json();
      return new ApiError({
        status: response.status,
        type: body.type,
        title: chinese(body.title) || STATUS_MESSAGES[response.status] || `请求失败（HTTP ${response.status}）`,
        detail: chinese(body.detail),
        errors: Array.isArray(body.errors) ? body.errors : [],
        full: [body.title, body.detail].filter(Boolean).join('\n'),
        body,
      });
    } catch {
      // not JSON after all: fall through to the status text
    }
  }
  return new ApiError({
    status: response.status,
    title: STATUS_MESSAGES[response.status] || `请求失败（HTTP ${response.status}）`,
  });
}

/**
 * Calls the API.
 *
 * @param {string} path e.g. "/api/v1/evaluations"
 * @param {object} options
 *   method; query (object, empty values left out); json (sent as JSON); body (a FormData or Blob, sent
 *   as is); contentType (for a Blob body); headers; as ("json" default, "blob", "response");
 *   loginOn401 (default true: go to the login page on 401; false: throw the ApiError instead)
 * @returns the parsed JSON, a {blob, filename}, or the Response
 * @throws ApiError
 */
export async function request(path, options = {}) {
  const { method = 'GET', query, json, body, contentType, headers = {}, as = 'json', loginOn401 = true } = options;
  let url = path;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== null && value !== undefined && value !== '') {
        params.set(key, value);
      }
    }
    if (params.toString()) {
      url += `?${params}`;
    }
  }
  const sent = { Accept: 'application/json, application/problem+json', ...headers };
  const token = session.token();
  if (token) {
    sent.Authorization = `Bearer ${token}`;
  }
  let payload = body;
  if (json !== undefined) {
    sent['Content-Type'] = 'application/json';
    payload = JSON.stringify(json);
  } else if (contentType) {
    sent['Content-Type'] = contentType;
  }
  let response;
  try {
    response = await fetch(url, { method, headers: sent, body: payload });
  } catch (err) {
    throw new ApiError({ status: 0, title: '无法连接服务器', detail: '请检查网络连接，或稍后重试' });
  }
  if (response.status === 401 && loginOn401) {
    session.clear();
    location.assign(loginPage());
    throw await problemOf(response);
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  if (as === 'response') {
    return response;
  }
  if (as === 'blob') {
    return { blob: await response.blob(), filename: filenameOf(response) };
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

function filenameOf(response) {
  const disposition = response.headers.get('Content-Disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    return decodeURIComponent(star[1]);
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

export function get(path, query, options = {}) {
  return request(path, { ...options, query });
}

export function post(path, json, options = {}) {
  return request(path, { ...options, method: 'POST', json });
}

/**
 * Every row of a paged list ({content, page, size, total}), page by page at the largest page size,
 * for views that must show all of it (a ranking table). Lists that can be long are paged in the page.
 */
export async function all(path, query = {}) {
  const rows = [];
  for (let page = 0; ; page++) {
    const result = await get(path, { ...query, page, size: 500 });
    rows.push(...result.content);
    if (rows.length >= result.total || result.content.length === 0) {
      return { ...result, content: rows };
    }
  }
}

/**
 * Downloads a file through the API (so the token is sent, which a plain link cannot do) and hands it
 * to the browser as a download.
 */
export async function download(path, query, fallbackName) {
  const { blob, filename } = await request(path, { query, as: 'blob', headers: { Accept: '*/*' } });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename || fallbackName || 'download';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return link.download;
}

/** A text resource of the API (a rule file), as a string. */
export async function text(path) {
  const response = await request(path, { as: 'response', headers: { Accept: 'text/plain, */*' } });
  return response.text();
}
