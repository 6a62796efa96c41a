// 申诉: the reviewers' inbox (GET /api/v1/appeals?status=), one appeal with its outcome and decisions
// (GET /api/v1/appeals/{id}), and the decision form (POST /api/v1/appeals/{id}/decision: UPHELD,
// AMENDED with another measure, amount or duration, REVOKED — always with a reason). Approvers only.

import * as api from '../api.js';
import { runPage, errorMessage } from '../shell.js';
import {
  el, byId, replace, fillSelect, queryParams, setQueryParams, formatDateTime, formatPeriod, formatOutcomeMoney,
} from '../dom.js';
import {
  APPEAL_STATUS_LABELS, DECISION_LABELS, KIND_LABELS, MEASURE_LABELS, SUBJECT_TYPE_LABELS, label,
} from '../labels.js';
import { pager } from '../components/pager.js';
import { appealSummary } from '../components/appeal-summary.js';
import { openOutcomeDetail } from '../components/outcome-detail.js';
import { can, guard, needs } from '../permissions.js';

const state = { user: null, status: 'PENDING', page: 0, selected: null };

runPage('appeals', async (user) => {
  state.user = user;
  const params = queryParams();
  state.selected = params.get('id');
  state.status = params.has('status') ? params.get('status') : (state.selected ? '' : 'PENDING');
  const select = byId('appeal-status');
  fillSelect(select, [
    { value: 'PENDING', label: '待复核' }, { value: 'DECIDED', label: '已复核' },
    { value: 'UPHELD', label: '维持' }, { value: 'AMENDED', label: '变更' }, { value: 'REVOKED', label: '撤销' },
  ], { placeholder: '全部申诉', value: state.status });
  select.addEventListener('change', () => {
    state.status = select.value;
    state.page = 0;
    loadList();
  });
  await Promise.all([loadList(), state.selected ? showAppeal(state.selected) : null]);
});

async function loadList() {
  const result = await api.get('/api/v1/appeals', { status: state.status, page: state.page, size: 20 });
  replace(byId('appeal-list'), result.content.map((a) => el('li', {
    dataset: { appeal: a.id },
    class: a.id === state.selected ? 'selected' : null,
    onclick: () => select(a.id),
  },
  el('div', {}, el('span', { class: `badge${a.status === 'PENDING' ? ' warn' : ''}` }, a.statusLabel || label(APPEAL_STATUS_LABELS, a.status)), ' ',
    a.outcome && a.outcome.subject ? a.outcome.subject.name : a.subjectId, ' · ', a.outcome ? a.outcome.measureLabel : a.ruleId),
  el('div', { class: 'muted small' }, `${a.period} · ${a.ruleId} · ${a.filedBy} ${formatDateTime(a.filedAt)}`),
  el('div', { class: 'small clamp' }, a.reason))));
  if (result.total === 0) {
    replace(byId('appeal-list'), el('li', { class: 'muted' }, state.status === 'PENDING' ? '没有待复核的申诉' : '没有申诉'));
  }
  replace(byId('appeal-pager'), result.total > result.size ? pager(result, (p) => {
    state.page = p;
    loadList();
  }) : null);
}

async function select(id) {
  state.selected = id;
  for (const li of document.querySelectorAll('#appeal-list li')) {
    li.classList.toggle('selected', li.dataset.appeal === id);
  }
  await showAppeal(id);
}

async function showAppeal(id) {
  setQueryParams({ id, status: state.status });
  const container = byId('appeal');
  let a;
  try {
    a = await api.get(`/api/v1/appeals/${encodeURIComponent(id)}`);
  } catch (err) {
    replace(container, errorMessage(err, '无法显示该申诉'));
    return;
  }
  const o = a.outcome;
  replace(container,
    el('h1', {}, `${o.subject.name || o.subject.id}：${o.measureLabel}`, ' ',
      el('span', { class: `badge${a.status === 'PENDING' ? ' warn' : ''}`, id: 'appeal-state' }, a.statusLabel || a.status)),
    el('dl', { class: 'facts' },
      el('dt', {}, '处理结果'), el('dd', {},
        el('span', { class: `badge kind-${o.kind}` }, label(KIND_LABELS, o.kind)), ` ${o.measureLabel} ${formatOutcomeMoney(o)} · `,
        `${formatPeriod(o.period)} · ${o.ruleId} ${o.ruleName || ''} · `,
        el('button', { type: 'button', class: 'link', id: 'open-outcome', onclick: () => openOutcomeDetail(o, { user: state.user }) }, '查看解释说明')),
      el('dt', {}, '主体'), el('dd', {}, `${o.subject.name}（${o.subject.id}，${label(SUBJECT_TYPE_LABELS, o.subject.type)}）`),
      el('dt', {}, '事由'), el('dd', {}, o.reason),
      el('dt', {}, '申诉'), el('dd', {}, `${a.filedBy} 于 ${formatDateTime(a.filedAt)}：`, el('strong', {}, a.reason),
        a.attachment ? `（附件 ${a.attachment}）` : '')),
    el('h3', {}, '现行结论与复核记录'),
    appealSummary(o),
    decisionForm(a));
}

function decisionForm(a) {
  if (!can(state.user, 'decideAppeal')) {
    return el('p', { class: 'message info' }, `复核申诉${needs('decideAppeal')}；请审批人登录后复核。`);
  }
  const o = a.outcome;
  const decision = el('select', { id: 'decision' });
  fillSelect(decision, Object.entries(DECISION_LABELS).map(([value, text]) => ({ value, label: text })));
  const reason = el('textarea', { id: 'decision-reason', rows: 3, style: 'width: 100%', placeholder: '复核理由（必填）' });
  const measure = el('select', { id: 'decision-measure' });
  fillSelect(measure, Object.entries(MEASURE_LABELS).map(([value, text]) => ({ value, label: text })), { value: o.measure });
  const amount = el('input', { id: 'decision-amount', type: 'number', min: 0, step: 1, style: 'width: 10em', placeholder: '元',
    value: o.amountYuan ?? null });
  const days = el('input', { id: 'decision-days', type: 'number', min: 0, step: 1, style: 'width: 6em', value: o.durationDays ?? null });
  const amended = el('div', { class: 'form-line', id: 'amended-fields', hidden: true },
    el('label', {}, el('span', {}, '措施'), measure),
    el('label', {}, el('span', {}, '金额（元）'), amount),
    el('label', {}, el('span', {}, '期限（天）'), days));
  decision.addEventListener('change', () => {
    amended.hidden = decision.value !== 'AMENDED';
  });
  const button = guard(el('button', { type: 'submit', class: 'primary', id: 'decide' }, '提交复核决定'), state.user, 'decideAppeal');
  const result = el('div', { id: 'decision-result' });
  const form = el('form', { id: 'decision-form', class: 'approval', autocomplete: 'off' },
    el('h3', {}, a.status === 'PENDING' ? '复核决定' : '重新复核（以最新决定为准）'),
    el('div', { class: 'form-line' }, el('label', {}, el('span', {}, '决定'), decision)),
    amended, el('p', {}, reason), button, result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!reason.value.trim()) {
      replace(result, el('div', { class: 'message error' }, '请填写复核理由'));
      return;
    }
    const body = { decision: decision.value, reason: reason.value.trim() };
    if (decision.value === 'AMENDED') {
      if (measure.value !== o.measure) {
        body.measure = measure.value;
      }
      if (amount.value !== '') {
        body.amountYuan = Number(amount.value);
      }
      if (days.value !== '') {
        body.durationDays = Number(days.value);
      }
    }
    button.disabled = true;
    try {
      await api.post(`/api/v1/appeals/${encodeURIComponent(a.id)}/decision`, body);
      await Promise.all([showAppeal(a.id), loadList()]);
      byId('appeal').prepend(el('div', { class: 'message ok', id: 'decided' }, `已${label(DECISION_LABELS, body.decision)}。`));
    } catch (err) {
      replace(result, errorMessage(err, '复核未成功'));
      button.disabled = false;
    }
  });
  return form;
}
