// 评估结果: start an evaluation of a stored period, pick a run, see its totals per kind and money
// (GET …/summary), filter its outcomes by kind, subject type, county and rule, open one.

import * as api from '../api.js';
import { runPage, errorMessage } from '../shell.js';
import {
  el, byId, replace, fillSelect, table, queryParams, setQueryParams,
  formatPeriod, formatDateTime, formatYuan, formatRange, formatOutcomeMoney, shortHash,
} from '../dom.js';
import { KIND_LABELS, SUBJECT_TYPE_LABELS, label } from '../labels.js';
import { pager } from '../components/pager.js';
import { openOutcomeDetail } from '../components/outcome-detail.js';
import { guard } from '../permissions.js';

const PAGE_SIZE = 20;

/** What the page shows; mirrored in the address (?run=&kind=&subjectType=&county=&ruleId=&page=). */
const state = {
  run: null,
  filter: { kind: '', subjectType: '', county: '', ruleId: '' },
  page: 0,
  runsPage: 0,
  user: null,
};

runPage('results', async (user) => {
  guard(byId('evaluate'), user, 'evaluate');
  state.user = user;
  const params = queryParams();
  state.run = params.get('run');
  for (const key of Object.keys(state.filter)) {
    state.filter[key] = params.get(key) || '';
  }
  state.page = Number(params.get('page')) || 0;
  byId('evaluate-form').addEventListener('submit', (event) => {
    event.preventDefault();
    evaluate();
  });
  await Promise.all([loadPeriods(params.get('evaluate')), loadRuns()]);
  if (!state.run) {
    const first = document.querySelector('#runs li');
    state.run = first ? first.dataset.run : null;
  }
  if (state.run) {
    await showRun();
  }
});

// ---- evaluating ----

async function loadPeriods(wanted) {
  const periods = await api.get('/api/v1/periods', { size: 500 });
  const select = byId('evaluate-period');
  fillSelect(select, periods.content.map((p) => ({
    value: p.period,
    label: `${p.period} · 第${p.revision}版 · ${status(p)}`,
  })), { value: wanted || undefined });
  if (periods.content.length === 0) {
    fillSelect(select, [], { placeholder: '尚未上传任何期间' });
  }
}

function status(p) {
  if (!p.latestRun) {
    return '未评估';
  }
  return p.evaluated ? `已评估${p.latestRun.runNumber}次` : '已更正，待重新评估';
}

async function evaluate() {
  const period = byId('evaluate-period').value;
  if (!period) {
    replace(byId('evaluate-result'), el('div', { class: 'message error' }, '请先上传该期间的数据'));
    return;
  }
  const button = byId('evaluate');
  button.disabled = true;
  replace(byId('evaluate-result'), el('div', { class: 'message info' }, '正在评估……'));
  try {
    const asOf = byId('evaluate-as-of').value;
    const run = await api.post('/api/v1/evaluations', asOf ? { period, asOf } : { period });
    replace(byId('evaluate-result'), el('div', { class: 'message ok', id: 'evaluated' },
      `评估完成：${formatPeriod(run.period)}第${run.runNumber}次评估，${run.outcomes.length} 条处理结果`));
    state.run = run.runId;
    state.filter = { kind: '', subjectType: '', county: '', ruleId: '' };
    state.page = 0;
    state.runsPage = 0;
    await Promise.all([loadPeriods(period), loadRuns()]);
    await showRun();
  } catch (err) {
    replace(byId('evaluate-result'), errorMessage(err, '评估失败'));
  } finally {
    button.disabled = false;
  }
}

// ---- runs ----

async function loadRuns() {
  const runs = await api.get('/api/v1/evaluations', { page: state.runsPage, size: 30 });
  replace(byId('runs'), runs.content.map((r) => el('li', {
    dataset: { run: r.runId },
    class: r.runId === state.run ? 'selected' : null,
    onclick: () => selectRun(r.runId),
  },
  el('div', {}, `${formatPeriod(r.period)} 第${r.runNumber}次评估`),
  el('div', { class: 'muted small' }, `第${r.revision}版数据 · ${r.outcomeCount} 条 · ${formatDateTime(r.createdAt)}`))));
  if (runs.content.length === 0) {
    replace(byId('runs'), el('li', { class: 'muted' }, '尚无评估记录'));
  }
  replace(byId('runs-pager'), runs.total > runs.size ? pager(runs, (p) => {
    state.runsPage = p;
    loadRuns();
  }) : null);
}

async function selectRun(runId) {
  state.run = runId;
  state.filter = { kind: '', subjectType: '', county: '', ruleId: '' };
  state.page = 0;
  for (const li of document.querySelectorAll('#runs li')) {
    li.classList.toggle('selected', li.dataset.run === runId);
  }
  await showRun();
}

// ---- one run ----

async function showRun() {
  const container = byId('run');
  try {
    const [run, summary] = await Promise.all([
      api.get(`/api/v1/evaluations/${encodeURIComponent(state.run)}`),
      api.get(`/api/v1/evaluations/${encodeURIComponent(state.run)}/summary`),
    ]);
    replace(container,
      el('h1', {}, `${formatPeriod(run.period)} · 第${run.runNumber}次评估`),
      el('div', { class: 'muted small' },
        `评估第${run.revision}版数据 · 判定日 ${run.asOf} · 规则集 `,
        el('span', { class: 'mono', title: run.rulesetVersion }, shortHash(run.rulesetVersion)),
        ` · ${formatDateTime(run.createdAt)} · 历史期间 ${run.history.map((h) => h.period).join('、') || '无'}`),
      run.warnings.length ? el('div', { class: 'message warn' }, el('div', { class: 'title' }, '提示'),
        el('ul', {}, run.warnings.map((w) => el('li', {}, api.chinese(w))))) : null,
      el('div', { class: 'kind-cards', id: 'kind-cards' }),
      filters(summary), // the unfiltered summary: every choice with its count
      el('div', { id: 'filtered-totals', class: 'muted' }),
      el('div', { id: 'outcomes' }));
    await showOutcomes();
  } catch (err) {
    replace(container, errorMessage(err, '无法显示该次评估'));
  }
}

function filters(summary) {
  const kind = el('select', { id: 'filter-kind' });
  fillSelect(kind, summary.byKind.filter((k) => k.count > 0)
    .map((k) => ({ value: k.kind, label: `${label(KIND_LABELS, k.kind)}（${k.count}）` })), { placeholder: '全部类别', value: state.filter.kind });
  const type = el('select', { id: 'filter-subject-type' });
  fillSelect(type, summary.bySubjectType
    .map((t) => ({ value: t.subjectType, label: `${label(SUBJECT_TYPE_LABELS, t.subjectType)}（${t.count}）` })),
  { placeholder: '全部主体类型', value: state.filter.subjectType });
  const county = el('select', { id: 'filter-county' });
  fillSelect(county, summary.byCounty.filter((c) => c.countyId)
    .map((c) => ({ value: c.countyId, label: `${c.countyName || c.countyId}（${c.count}）` })),
  { placeholder: '全部县区', value: state.filter.county });
  const rule = el('select', { id: 'filter-rule' });
  fillSelect(rule, summary.byRule
    .map((r) => ({ value: r.ruleId, label: `${r.ruleId} ${r.ruleName || ''}（${r.count}）` })),
  { placeholder: '全部规则', value: state.filter.ruleId });
  const bind = (select, key) => select.addEventListener('change', () => {
    state.filter[key] = select.value;
    state.page = 0;
    showOutcomes();
  });
  bind(kind, 'kind');
  bind(type, 'subjectType');
  bind(county, 'county');
  bind(rule, 'ruleId');
  return el('div', { class: 'form-line', id: 'filters' }, kind, type, county, rule,
    el('button', {
      type: 'button',
      id: 'clear-filters',
      onclick: () => {
        state.filter = { kind: '', subjectType: '', county: '', ruleId: '' };
        state.page = 0;
        for (const s of [kind, type, county, rule]) {
          s.value = '';
        }
        showOutcomes();
      },
    }, '清除筛选'));
}

/** Money of a total: deductions, rewards and fine ranges are different sums, never added. */
function money(t) {
  const parts = [];
  if (t.deductionYuan) {
    parts.push(`扣款 ${formatYuan(t.deductionYuan)}`);
  }
  if (t.fineMaxYuan) {
    parts.push(`罚款建议 ${formatRange(t.fineMinYuan, t.fineMaxYuan)}`);
  }
  if (t.rewardYuan) {
    parts.push(`奖励 ${formatYuan(t.rewardYuan)}`);
  }
  return parts.join('；');
}

async function showOutcomes() {
  const run = encodeURIComponent(state.run);
  setQueryParams({ run: state.run, ...state.filter, page: state.page || '' });
  const query = { ...state.filter };
  // the cards count every kind under the other filters, so choosing a kind never hides the others
  const [summary, page] = await Promise.all([
    api.get(`/api/v1/evaluations/${run}/summary`, { ...query, kind: '' }),
    api.get(`/api/v1/evaluations/${run}/outcomes`, { ...query, page: state.page, size: PAGE_SIZE }),
  ]);
  replace(byId('kind-cards'), summary.byKind.map((k) => el('button', {
    type: 'button',
    class: `kind-card${state.filter.kind === k.kind ? ' active' : ''}`,
    dataset: { kind: k.kind },
    onclick: () => {
      state.filter.kind = state.filter.kind === k.kind ? '' : k.kind;
      byId('filter-kind').value = state.filter.kind;
      state.page = 0;
      showOutcomes();
    },
  },
  el('div', {}, el('span', { class: `badge kind-${k.kind}` }, label(KIND_LABELS, k.kind))),
  el('div', { class: 'count' }, String(k.count)),
  el('div', { class: 'money' }, money(k)))));
  const t = state.filter.kind ? summary.byKind.find((k) => k.kind === state.filter.kind) : summary.totals;
  const filtered = Object.values(state.filter).some(Boolean);
  replace(byId('filtered-totals'), `${filtered ? '筛选结果' : '全部结果'}：${t.count} 条`, money(t) ? `；${money(t)}` : '');
  const container = byId('outcomes');
  if (page.total === 0) {
    replace(container, el('p', { class: 'muted' }, '没有符合条件的处理结果'));
    return;
  }
  replace(container,
    table([
      { label: '主体' }, { label: '类型' }, { label: '类别' }, { label: '措施' }, { label: '金额', class: 'num' },
      { label: '规则' }, { label: '事由' },
    ], page.content.map((o) => el('tr', {
      class: 'clickable outcome',
      dataset: { outcome: o.id, rule: o.ruleId, subject: o.subject.id },
      onclick: (event) => {
        if (event.target.closest('a')) {
          return;
        }
        markSelected(o.id);
        openOutcomeDetail(o, { user: state.user, onClose: () => markSelected(null) });
      },
    },
    el('td', { class: 'nowrap' }, el('a', { href: `/units.html?id=${encodeURIComponent(o.subject.id)}` }, o.subject.name || o.subject.id),
      el('div', { class: 'muted small mono' }, o.subject.id)),
    el('td', { class: 'nowrap' }, label(SUBJECT_TYPE_LABELS, o.subject.type)),
    el('td', {}, el('span', { class: `badge kind-${o.kind}` }, label(KIND_LABELS, o.kind))),
    el('td', { class: 'measure' }, o.measureLabel),
    el('td', { class: 'num' }, formatOutcomeMoney(o)),
    el('td', { class: 'mono nowrap', title: o.ruleName || null }, o.ruleId),
    el('td', {}, el('div', { class: 'clamp', title: o.reason }, o.reason)))), { id: 'outcome-table' }),
    pager(page, (p) => {
      state.page = p;
      showOutcomes();
    }));
}

function markSelected(id) {
  for (const tr of document.querySelectorAll('#outcome-table tr.outcome')) {
    tr.classList.toggle('selected', tr.dataset.outcome === id);
  }
}
