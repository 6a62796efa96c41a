// Small DOM and formatting helpers shared by every page. Text always goes in through textContent,
// never innerHTML, so names and reasons from uploaded files cannot inject markup.

/**
 * Creates an element: el('td', {class: 'num', title: '…', onclick: fn, dataset: {id: 'C01'}}, 'text', child…).
 * Keys starting with "on" add listeners; null and false children are skipped; arrays are flattened.
 */
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      node.className = value;
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key === 'text') {
      node.textContent = value;
    } else if (value === true) {
      node.setAttribute(key, '');
    } else {
      node.setAttribute(key, value);
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(node, child);
    } else {
      node.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Replaces a node's children. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

/** Fills a select with options; {value, label} items; keeps the value when it is still offered. */
export function fillSelect(select, items, { placeholder, value } = {}) {
  const keep = value !== undefined ? value : select.value;
  const options = [];
  if (placeholder !== undefined) {
    options.push(el('option', { value: '' }, placeholder));
  }
  for (const item of items) {
    options.push(el('option', { value: item.value }, item.label));
  }
  select.replaceChildren(...options);
  if (keep !== null && keep !== undefined && [...select.options].some((o) => o.value === keep)) {
    select.value = keep;
  }
}

/** A table: columns [{label, class}], rows already built as <tr>. */
export function table(columns, rows, props = {}) {
  return el('table', { class: 'data', ...props },
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { class: c.class }, c.label)))),
    el('tbody', {}, rows));
}

// ---- formatting ----

const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function formatNumber(n) {
  return n === null || n === undefined ? '—' : number.format(n);
}

/** 2,500 元; 12.5 万元 from ten thousand up (how the office writes money). */
export function formatYuan(yuan) {
  if (yuan === null || yuan === undefined) {
    return '—';
  }
  return Math.abs(yuan) >= 10000 ? `${number.format(yuan / 10000)} 万元` : `${number.format(yuan)} 元`;
}

/** A fine range: 1–10 万元. */
export function formatRange(minYuan, maxYuan) {
  if (minYuan >= 10000 && maxYuan >= 10000) {
    return `${number.format(minYuan / 10000)}–${number.format(maxYuan / 10000)} 万元`;
  }
  return `${formatYuan(minYuan)}–${formatYuan(maxYuan)}`;
}

/** The money of one outcome: its amount, else its statutory range. */
export function formatOutcomeMoney(outcome) {
  if (outcome.amountYuan !== null && outcome.amountYuan !== undefined) {
    return formatYuan(outcome.amountYuan);
  }
  if (outcome.fineRangeYuan) {
    return formatRange(outcome.fineRangeYuan.minYuan, outcome.fineRangeYuan.maxYuan);
  }
  return '';
}

/** 2026-Q3 → 2026年第3季度, 2026-08 → 2026年8月, 2026-W37 → 2026年第37周, 2026 → 2026年. */
export function formatPeriod(period) {
  if (!period) {
    return '';
  }
  let m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    return `${m[1]}年第${m[2]}季度`;
  }
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    return `${m[1]}年${Number(m[2])}月`;
  }
  m = /^(\d{4})-W(\d{2})$/.exec(period);
  if (m) {
    return `${m[1]}年第${Number(m[2])}周`;
  }
  return /^\d{4}$/.test(period) ? `${period}年` : period;
}

/** 2026-11-23 10:09 in the browser's time zone. */
export function formatDateTime(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** sha256:abcdef… → abcdef12 (a ruleset version short enough for a table). */
export function shortHash(hash) {
  return hash ? hash.replace(/^sha256:/, '').slice(0, 8) : '';
}

// ---- page state in the address, so a view can be bookmarked and the back button works ----

export function queryParams() {
  return new URLSearchParams(location.search);
}

/** Replaces the address's query with the non-empty values given. */
export function setQueryParams(values, { push = false } = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') {
      params.set(key, value);
    }
  }
  const url = `${location.pathname}${params.toString() ? `?${params}` : ''}`;
  if (push) {
    history.pushState(null, '', url);
  } else {
    history.replaceState(null, '', url);
  }
}
