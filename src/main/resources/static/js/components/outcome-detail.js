// The detail panel of one outcome (SPEC §5): who, which measure, the money, the reason, the clause it
// rests on and the facts it compared. Opened from the outcome list and from a unit's history.
//
// Part 2 adds the explanation (GET /api/v1/outcomes/{id}/explanation) and appeals: they are further
// sections — add them to SECTIONS below; each one gets the outcome and renders into its own <section>.

import { el, formatPeriod, formatYuan, formatRange, shortHash } from '../dom.js';
import { KIND_LABELS, SUBJECT_TYPE_LABELS, PERSON_ROLE_LABELS, label } from '../labels.js';
import { factTables, tableName, columnName } from '../fact-tables.js';

/** The panel's sections, in order: each {id, title, render(outcome) → Node | Promise<Node>}. */
const SECTIONS = [
  { id: 'facts', title: '基本信息', render: basics },
  { id: 'reason', title: '事由', render: (o) => el('div', { class: 'reason' }, o.reason) },
  { id: 'basis', title: '依据', render: (o) => el('div', {}, o.basis || '—') },
  { id: 'evidence', title: '证据（规则比较的事实）', render: evidence },
];

let open = null;

/** Opens the panel for an outcome; {onClose} is called when it is closed. */
export function openOutcomeDetail(outcome, { onClose } = {}) {
  closeOutcomeDetail();
  const body = el('div', { class: 'body' });
  const backdrop = el('div', { class: 'drawer-backdrop', onclick: () => closeOutcomeDetail() });
  const drawer = el('aside', { class: 'drawer', id: 'outcome-detail', role: 'dialog', 'aria-label': '处理结果详情' },
    el('header', {},
      el('h2', {}, `${outcome.subject.name || outcome.subject.id}：${outcome.measureLabel}`),
      el('button', { type: 'button', class: 'close', title: '关闭（Esc）', onclick: () => closeOutcomeDetail() }, '关闭')),
    body);
  const onKey = (event) => {
    if (event.key === 'Escape') {
      closeOutcomeDetail();
    }
  };
  document.addEventListener('keydown', onKey);
  document.body.append(backdrop, drawer);
  drawer.querySelector('button.close').focus();
  open = { backdrop, drawer, onKey, onClose };
  for (const section of SECTIONS) {
    const target = el('section', { dataset: { section: section.id } }, el('h3', {}, section.title));
    body.append(target);
    Promise.resolve(section.render(outcome))
      .then((node) => target.append(node))
      .catch((err) => target.append(el('div', { class: 'message error' }, err.message || String(err))));
  }
}

export function closeOutcomeDetail() {
  if (!open) {
    return;
  }
  const { backdrop, drawer, onKey, onClose } = open;
  open = null;
  document.removeEventListener('keydown', onKey);
  backdrop.remove();
  drawer.remove();
  if (onClose) {
    onClose();
  }
}

function basics(o) {
  const rows = [
    ['期间', `${formatPeriod(o.period)}（${o.period}）`],
    ['主体', `${o.subject.name || ''}（${o.subject.id}，${label(SUBJECT_TYPE_LABELS, o.subject.type)}）`],
    ['类别', label(KIND_LABELS, o.kind)],
    ['措施', `${o.measureLabel}（${o.measure}）`],
    ['严重程度', `${o.severity}（0 表彰 … 6 最重）`],
  ];
  if (o.amountYuan !== null && o.amountYuan !== undefined) {
    rows.push(['金额', formatYuan(o.amountYuan)]);
  }
  if (o.fineRangeYuan) {
    rows.push(['罚款幅度', formatRange(o.fineRangeYuan.minYuan, o.fineRangeYuan.maxYuan)]);
  }
  if (o.durationDays) {
    rows.push(['期限', `${o.durationDays} 天`]);
  }
  if (o.durationHours) {
    rows.push(['期限', `${o.durationHours} 小时`]);
  }
  if (o.targetRole) {
    rows.push(['对象', label(PERSON_ROLE_LABELS, o.targetRole)]);
  }
  if (o.relatedSubject) {
    rows.push(['关联主体', `${o.relatedSubject.name || ''}（${o.relatedSubject.id}）`]);
  }
  rows.push(['规则', `${o.ruleId} ${o.ruleName || ''}`]);
  rows.push(['规则集版本', el('span', { class: 'mono', title: o.rulesetVersion }, shortHash(o.rulesetVersion))]);
  rows.push(['结果编号', el('span', { class: 'mono' }, o.id)]);
  return el('dl', {}, rows.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

/** Evidence rows are maps {table, …fields}; shown as one small table per fact table. */
async function evidence(o) {
  const items = o.evidence || [];
  if (items.length === 0) {
    return el('p', { class: 'muted' }, '无');
  }
  const byTable = new Map();
  for (const item of items) {
    const t = item.table || '其他';
    if (!byTable.has(t)) {
      byTable.set(t, []);
    }
    byTable.get(t).push(item);
  }
  const catalogue = await factTables();
  const container = el('div', { class: 'evidence' });
  for (const [t, rows] of byTable) {
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => k !== 'table');
    container.append(el('div', { class: 'muted small' }, tableName(catalogue, t)),
      el('div', { class: 'table-scroll' }, el('table', { class: 'data small' },
        el('thead', {}, el('tr', {}, keys.map((k) => el('th', { title: k }, columnName(catalogue, t, k))))),
        el('tbody', {}, rows.map((r) => el('tr', {}, keys.map((k) => el('td', {}, cell(r[k])))))))));
  }
  return container;
}

function cell(value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  if (typeof value === 'boolean') {
    return value ? '是' : '否';
  }
  return String(value);
}

