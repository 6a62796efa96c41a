// "为什么没有被处理": GET /api/v1/subjects/{id}/why-not?period=&rule= for a unit — the rules it narrowly
// escaped (CLOSE), with the condition that failed, by how much, and which parameter value would have
// made the rule fire; the rules it got (FIRED) and those far off (NOT_CLOSE) are listed more briefly.

import * as api from '../api.js';
import { el, replace, fillSelect, formatPeriod } from '../dom.js';
import { errorMessage } from '../shell.js';

const STATUS = {
  CLOSE: { label: '差一点', class: 'warn' },
  FIRED: { label: '已处理', class: 'danger' },
  NOT_CLOSE: { label: '相差较远', class: '' },
};

const COMPARE = { '>=': '≥', '<=': '≤', '==': '=', '!=': '≠', '>': '>', '<': '<' };

/** The card for a unit; periods are those of its history, latest first. */
export function whyNotCard(subjectId, periods) {
  const period = el('select', { id: 'why-not-period' });
  fillSelect(period, periods.map((p) => ({ value: p, label: formatPeriod(p) })));
  const rule = el('input', { id: 'why-not-rule', size: 12, placeholder: '规则编号（可选）' });
  const out = el('div', { id: 'why-not-result' });
  const form = el('form', { class: 'form-line', id: 'why-not-form', autocomplete: 'off' },
    el('label', {}, el('span', {}, '期间'), period), rule,
    el('button', { type: 'submit', id: 'why-not' }, '查询'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(out, el('div', { class: 'message info' }, '正在按该期间的规则重新核对……'));
    try {
      const answer = await api.get(`/api/v1/subjects/${encodeURIComponent(subjectId)}/why-not`,
        { period: period.value, rule: rule.value.trim().toUpperCase() });
      replace(out, render(answer));
    } catch (err) {
      replace(out, errorMessage(err, '无法查询'));
    }
  });
  return el('section', { class: 'card', id: 'unit-why-not' },
    el('h2', {}, '为什么没有被处理'),
    el('p', { class: 'muted small' }, '按该期间适用的规则和参数重新核对本单位：哪些规则差一点触发、哪个条件不满足、差多少，参数改为多少就会触发。'),
    form, out);
}

function render(answer) {
  const order = { CLOSE: 0, FIRED: 1, NOT_CLOSE: 2 };
  const rules = [...answer.rules].sort((a, b) => order[a.status] - order[b.status] || a.ruleId.localeCompare(b.ruleId));
  const far = rules.filter((r) => r.status === 'NOT_CLOSE');
  return el('div', {},
    el('div', { class: 'muted small' }, `${formatPeriod(answer.period)}：核对 ${answer.evaluations} 次规则匹配，`,
      `差一点 ${rules.filter((r) => r.status === 'CLOSE').length} 条，已处理 ${rules.filter((r) => r.status === 'FIRED').length} 条，相差较远 ${far.length} 条`),
    rules.filter((r) => r.status !== 'NOT_CLOSE').map(ruleBlock),
    far.length ? el('details', {}, el('summary', {}, `相差较远的规则（${far.length}）`), far.map(ruleBlock)) : null);
}

function ruleBlock(r) {
  const s = STATUS[r.status] || { label: r.status, class: '' };
  return el('div', { class: 'why-not-rule', dataset: { rule: r.ruleId, status: r.status } },
    el('div', {}, el('span', { class: `badge ${s.class}` }, s.label), ' ', el('span', { class: 'mono' }, r.ruleId), ' ', r.name),
    r.status === 'FIRED' ? el('div', { class: 'muted small' }, `已作出 ${(r.outcomeIds || []).length} 条处理结果`)
      : el('div', { class: 'small' }, r.summary),
    (r.failing || []).length ? el('ul', { class: 'small' }, r.failing.map((c) => el('li', {},
      `${c.label}：实际 ${num(c.actual)}${c.unit || ''}，要求 ${COMPARE[c.compare] || c.compare} ${num(c.required)}${c.unit || ''}`,
      c.gap !== null && c.gap !== undefined ? `（差 ${num(c.gap)}${c.unit || ''}）` : '')))
      : null);
}

function num(v) {
  return typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v ?? '—');
}
