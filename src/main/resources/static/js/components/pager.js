// Page controls for a {content, page, size, total} list.

import { el } from '../dom.js';

/** 上一页 / 第 n / m 页 / 下一页; calls go(page) with a 0-based page. */
export function pager(result, go) {
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  return el('div', { class: 'pager' },
    el('button', { type: 'button', disabled: result.page <= 0, onclick: () => go(result.page - 1), 'data-go': 'prev' }, '上一页'),
    el('span', { class: 'muted' }, `第 ${result.page + 1} / ${pages} 页，共 ${result.total} 条`),
    el('button', { type: 'button', disabled: result.page + 1 >= pages, onclick: () => go(result.page + 1), 'data-go': 'next' }, '下一页'));
}
