// What is in force for an outcome after appeals (its "effective" part) and the appeals with their
// decisions, newest decision last — shared by the outcome panel and the appeals inbox.

import { el, formatDateTime, formatYuan } from '../dom.js';
import { DECISION_LABELS, MEASURE_LABELS, label } from '../labels.js';

const LINK_LABELS = { RE_EVALUATED_AS: '重新评估为', RE_EVALUATION_OF: '重新评估自' };

/** {effective, appeals, links} of GET /api/v1/outcomes/{id} (or an appeal's outcome). */
export function appealSummary(record) {
  const e = record.effective || {};
  const status = e.status || 'MACHINE';
  const badge = status === 'MACHINE' ? 'badge' : status === 'REVOKED' ? 'badge ok' : 'badge warn';
  return el('div', { class: 'effective', id: 'effective' },
    el('div', {},
      el('span', { class: badge, dataset: { status } }, e.statusLabel || status), ' ',
      e.inForce === false ? '该结论已撤销，不再执行' : `现行：${e.measureLabel || label(MEASURE_LABELS, e.measure)}`,
      e.inForce !== false && e.amountYuan !== null && e.amountYuan !== undefined ? `，${formatYuan(e.amountYuan)}` : '',
      e.durationDays ? `，${e.durationDays} 天` : '', e.durationHours ? `，${e.durationHours} 小时` : ''),
    e.reason ? el('div', { class: 'muted small' }, `复核理由：${e.reason}（${e.decidedBy || ''} ${formatDateTime(e.decidedAt)}）`) : null,
    (record.appeals || []).length === 0 ? el('div', { class: 'muted small' }, '无申诉')
      : el('ul', { class: 'appeal-list' }, record.appeals.map(appealItem)),
    (record.links || []).length ? el('div', { class: 'muted small' }, '重新评估：',
      record.links.map((l) => `${LINK_LABELS[l.relation] || l.relation} ${l.outcomeId || '（新评估未作处理）'}`).join('；')) : null);
}

function appealItem(a) {
  return el('li', { dataset: { appeal: a.id } },
    el('div', {}, el('span', { class: 'badge' }, a.statusLabel || a.status), ' ',
      el('a', { href: `/appeals.html?id=${encodeURIComponent(a.id)}` }, `${a.filedBy} 于 ${formatDateTime(a.filedAt)} 申诉`),
      `：${a.reason}`, a.attachment ? `（${a.attachment}）` : ''),
    (a.decisions || []).map((d) => el('div', { class: 'muted small' },
      `复核：${label(DECISION_LABELS, d.decision)} — ${d.reason}`,
      d.measure ? `；措施改为${label(MEASURE_LABELS, d.measure)}` : '',
      d.amountYuan !== null && d.amountYuan !== undefined ? `；金额改为${formatYuan(d.amountYuan)}` : '',
      `（${d.decidedBy} ${formatDateTime(d.decidedAt)}）`)));
}
