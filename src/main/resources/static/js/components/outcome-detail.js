// The detail panel of one outcome (SPEC §5): who, which measure, the money, the reason, the clause it
// rests on and the facts it compared; what is in force after appeals (GET /api/v1/outcomes/{id}); the
// explanation (GET …/explanation): the Chinese paragraph, the conditions with actual value and
// threshold, the parameters in force, the history chain and where it all came from; and the appeal
// form (POST …/appeals). Opened from the outcome list and from a unit's history.

import * as api from '../api.js';
import { el, formatPeriod, formatYuan, formatRange, shortHash, formatDateTime, replace } from '../dom.js';
import { KIND_LABELS, SUBJECT_TYPE_LABELS, PERSON_ROLE_LABELS, label } from '../labels.js';
import { factTables, tableName, columnName } from '../fact-tables.js';
import { appealSummary } from './appeal-summary.js';
import { can, guard } from '../permissions.js';

/**
 * The panel's sections, in order: each {id, title, render(outcome, context) → Node | Promise<Node>};
 * context is {user, record: Promise of GET /outcomes/{id}, explanation: Promise of …/explanation}.
 */
const SECTIONS = [
  { id: 'facts', title: '基本信息', render: basics },
  { id: 'effective', title: '现行结论与申诉', render: effective },
  { id: 'reason', title: '事由', render: (o) => el('div', { class: 'reason' }, o.reason) },
  { id: 'explanation', title: '解释说明', render: explanationParagraph },
  { id: 'conditions', title: '规则条件（实际值与阈值）', render: conditions },
  { id: 'thresholds', title: '适用参数', render: thresholds },
  { id: 'history', title: '历史记录（以前期间）', render: historyChain },
  { id: 'basis', title: '依据', render: basis },
  { id: 'evidence', title: '证据（规则比较的事实）', render: evidence },
  { id: 'provenance', title: '来源', render: provenance },
  { id: 'appeal', title: '提出申诉', render: appealForm },
];

let open = null;

/** Opens the panel for an outcome; {onClose} is called when it is closed; {user} decides the actions offered. */
export function openOutcomeDetail(outcome, { onClose, user } = {}) {
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
  const id = encodeURIComponent(outcome.id);
  const context = {
    user,
    record: api.get(`/api/v1/outcomes/${id}`),
    explanation: api.get(`/api/v1/outcomes/${id}/explanation`),
  };
  // each section shows its own failure; these keep an unread rejection from reaching the page
  context.record.catch(() => {});
  context.explanation.catch(() => {});
  for (const section of SECTIONS) {
    const target = el('section', { dataset: { section: section.id } }, el('h3', {}, section.title));
    body.append(target);
    Promise.resolve().then(() => section.render(outcome, context))
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

// ---- after appeals ----

async function effective(o, { record }) {
  const r = await record;
  return appealSummary(r);
}

// ---- explanation ----

async function explanationParagraph(o, { explanation }) {
  const x = await explanation;
  return el('div', { class: 'reason', id: 'explanation-paragraph' }, x.paragraph);
}

const COMPARE = { '>=': '≥', '<=': '≤', '==': '=', '!=': '≠', '>': '>', '<': '<' };

async function conditions(o, { explanation }) {
  const x = await explanation;
  const rows = (x.conditions || []).filter((c) => c.applies !== false);
  if (rows.length === 0) {
    return el('p', { class: 'muted' }, '该规则未登记条件说明（conditions.yaml），参数见下。');
  }
  return el('table', { class: 'data small', id: 'explanation-conditions' },
    el('thead', {}, el('tr', {}, el('th', {}, '条件'), el('th', { class: 'num' }, '实际'), el('th', { class: 'num' }, '要求'), el('th', {}, ''))),
    el('tbody', {}, rows.map((c) => el('tr', {},
      el('td', {}, c.label),
      el('td', { class: 'num' }, `${show(c.actual)}${c.unit || ''}`),
      el('td', { class: 'num' }, `${COMPARE[c.compare] || c.compare || ''} ${show(c.required)}${c.unit || ''}`),
      el('td', {}, c.held ? el('span', { class: 'badge ok' }, '满足') : el('span', { class: 'badge warn' }, '不满足'))))));
}

async function thresholds(o, { explanation }) {
  const x = await explanation;
  const rows = x.thresholds || [];
  if (rows.length === 0) {
    return el('p', { class: 'muted' }, '无');
  }
  return el('table', { class: 'data small' },
    el('thead', {}, el('tr', {}, el('th', {}, '参数'), el('th', {}, '取值'), el('th', {}, '生效版本'))),
    el('tbody', {}, rows.map((t) => el('tr', {},
      el('td', { title: t.source || null }, t.label, el('div', { class: 'muted mono' }, t.parameter)),
      el('td', {}, t.text || show(t.value), t.unit ? ` ${t.unit}` : ''),
      el('td', { class: 'nowrap' }, t.setIn || t.validFrom || '')))));
}

async function historyChain(o, { explanation }) {
  const x = await explanation;
  const rows = x.history || [];
  if (rows.length === 0) {
    return el('p', { class: 'muted' }, '本结论未用到以前期间的记录');
  }
  return el('ul', { class: 'history-chain' }, rows.map((h) => el('li', {},
    el('span', { class: 'badge' }, h.period), ' ', h.text,
    h.outcomeId ? el('span', { class: 'muted small mono' }, `（${h.outcomeId}）`) : null)));
}

async function basis(o, { explanation }) {
  let x = null;
  try {
    x = await explanation;
  } catch {
    x = null; // the outcome's own basis is shown either way
  }
  const clauses = (x && x.rule && x.rule.clauses) || [];
  return el('div', {},
    el('div', {}, o.basis || '—'),
    clauses.map((c) => el('blockquote', { class: 'clause' },
      el('div', { class: 'small' }, el('strong', {}, c.document), ` ${c.label}`, c.verbatim ? '' : '（要点）'),
      el('div', { class: 'small' }, c.text))));
}

async function provenance(o, { explanation }) {
  const x = await explanation;
  const p = x.provenance || {};
  const rule = x.rule || {};
  const rows = [
    ['规则', rule.file ? el('a', {
      href: `/rules.html?file=${encodeURIComponent(rule.file)}&line=${rule.line || 1}#editor`,
      title: '在规则页打开该规则文件',
    }, `${rule.file}:${rule.line || ''}`) : '—'],
    ['规则集版本', el('span', { class: 'mono', title: p.rulesetVersion }, shortHash(p.rulesetVersion))],
    ['参数版本', p.parametersValidFrom ? `validFrom ${p.parametersValidFrom}` : '—'],
    ['评估', `第${p.runNumber || ''}次评估 · 第${p.revision || ''}版数据 · 判定日 ${p.asOf || ''}`],
    ['事实哈希', el('span', { class: 'mono', title: p.factsHash }, shortHash(p.factsHash))],
  ];
  return el('dl', {}, rows.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

// ---- appeal ----

async function appealForm(o, { user, record }) {
  const r = await record;
  const pending = (r.appeals || []).find((a) => a.status === 'PENDING');
  if (pending) {
    return el('p', { class: 'muted' }, `已有待复核的申诉（${formatDateTime(pending.filedAt)} 由 ${pending.filedBy} 提出），复核后可再次申诉。`);
  }
  if (!can(user, 'fileAppeal')) {
    return el('p', { class: 'muted' }, '当前账号不能提出申诉');
  }
  const reason = el('textarea', { id: 'appeal-reason', rows: 3, style: 'width: 100%', required: true,
    placeholder: '申诉理由，如：该周监测点位故障，数据经省站确认无效' });
  const attachment = el('input', { id: 'appeal-attachment', style: 'width: 100%', placeholder: '附件或文号（可选），如 OA-2026-1088' });
  const result = el('div');
  const submit = guard(el('button', { type: 'submit', class: 'primary', id: 'appeal-submit' }, '提交申诉'), user, 'fileAppeal');
  const form = el('form', { id: 'appeal-form', autocomplete: 'off' }, el('p', {}, reason), el('p', {}, attachment), submit, result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!reason.value.trim()) {
      replace(result, el('div', { class: 'message error' }, '请填写申诉理由'));
      return;
    }
    submit.disabled = true;
    try {
      const appeal = await api.post(`/api/v1/outcomes/${encodeURIComponent(o.id)}/appeals`,
        { reason: reason.value.trim(), attachment: attachment.value.trim() || null });
      refreshEffective(o);
      replace(form, el('div', { class: 'message ok', id: 'appeal-filed', dataset: { appeal: appeal.id } },
        `申诉已提交（${appeal.statusLabel || '待复核'}），复核人可在“申诉”页处理。`,
        el('a', { href: `/appeals.html?id=${encodeURIComponent(appeal.id)}` }, '查看')));
    } catch (err) {
      replace(result, el('div', { class: 'message error', role: 'alert' }, err.message));
      submit.disabled = false;
    }
  });
  return form;
}

/** Shows the outcome's appeals again after one was filed. */
async function refreshEffective(o) {
  const section = document.querySelector('#outcome-detail [data-section=effective]');
  if (!section) {
    return;
  }
  try {
    const record = await api.get(`/api/v1/outcomes/${encodeURIComponent(o.id)}`);
    replace(section, el('h3', {}, '现行结论与申诉'), appealSummary(record));
  } catch {
    // the filed message says it went through; the list catches up when the panel is opened again
  }
}

function show(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  if (typeof value === 'number') {
    return String(Math.round(value * 100) / 100);
  }
  return cell(value);
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

