// 单位: find a unit (GET /api/v1/subjects) and read its history period by period — its facts, ranks
// and outcomes (GET /api/v1/subjects/{id}/history).

import * as api from '../api.js';
import { runPage, errorMessage } from '../shell.js';
import {
  el, byId, replace, fillSelect, table, queryParams, setQueryParams,
  formatPeriod, formatNumber, formatOutcomeMoney,
} from '../dom.js';
import { KIND_LABELS, SUBJECT_TYPE_LABELS, GRANULARITY_LABELS, label } from '../labels.js';
import { pager } from '../components/pager.js';
import { openOutcomeDetail } from '../components/outcome-detail.js';
import { drawRankChart } from '../components/rank-chart.js';
import { factTables, columnName } from '../fact-tables.js';
import { whyNotCard } from '../components/why-not.js';

const list = { q: '', type: '', county: '', page: 0 };
let current = null;
let user = null;
/** The fact tables with their Chinese names. */
let catalogue = null;

runPage('units', async (signedIn) => {
  user = signedIn;
  const params = queryParams();
  current = params.get('id');
  fillSelect(byId('type'), Object.entries(SUBJECT_TYPE_LABELS).map(([value, text]) => ({ value, label: text })),
    { placeholder: '全部类型' });
  const periods = await api.get('/api/v1/periods', { size: 1 });
  if (periods.total === 0) {
    replace(byId('unit-list'), el('li', { class: 'muted' }, '尚未上传任何数据'));
    return;
  }
  let counties;
  [counties, catalogue] = await Promise.all([api.get('/api/v1/subjects', { type: 'COUNTY', size: 500 }), factTables()]);
  fillSelect(byId('county'), counties.content.map((c) => ({ value: c.id, label: c.name })), { placeholder: '全部县区' });
  let typing = null;
  byId('q').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => search(), 250);
  });
  byId('unit-search').addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  byId('type').addEventListener('change', () => search());
  byId('county').addEventListener('change', () => search());
  await Promise.all([loadList(), current ? showUnit(current) : null]);
});

function search() {
  list.q = byId('q').value.trim();
  list.type = byId('type').value;
  list.county = byId('county').value;
  list.page = 0;
  return loadList();
}

async function loadList() {
  const result = await api.get('/api/v1/subjects', {
    q: list.q, type: list.type, county: list.county, page: list.page, size: 50,
  });
  replace(byId('unit-source'), `${formatPeriod(result.period)}第${result.revision}版数据中的单位`);
  replace(byId('unit-list'), result.content.map((u) => el('li', {
    dataset: { id: u.id },
    class: u.id === current ? 'selected' : null,
    onclick: () => select(u.id),
  },
  el('div', {}, u.name || u.id),
  el('div', { class: 'muted small' }, `${u.id} · ${label(SUBJECT_TYPE_LABELS, u.type)}`,
    u.countyName && u.countyId !== u.id ? ` · ${u.countyName}` : '', u.group ? ` · ${u.group}` : ''))));
  if (result.total === 0) {
    replace(byId('unit-list'), el('li', { class: 'muted' }, '没有符合条件的单位'));
  }
  replace(byId('unit-pager'), result.total > result.size ? pager(result, (p) => {
    list.page = p;
    loadList();
  }) : null);
}

async function select(id) {
  current = id;
  for (const li of document.querySelectorAll('#unit-list li')) {
    li.classList.toggle('selected', li.dataset.id === id);
  }
  await showUnit(id);
}

// ---- one unit ----

async function showUnit(id) {
  setQueryParams({ id });
  const container = byId('unit');
  let history;
  try {
    history = await api.get(`/api/v1/subjects/${encodeURIComponent(id)}/history`);
  } catch (err) {
    replace(container, el('section', { class: 'card' }, errorMessage(err, `无法显示单位 ${id}`)));
    return;
  }
  const s = history.subject || { id };
  replace(container,
    el('section', { class: 'card', id: 'unit-header' },
      el('h1', {}, `${s.name || id}`, el('span', { class: 'muted small' }, `  ${id} · ${label(SUBJECT_TYPE_LABELS, s.type)}`)),
      el('div', { class: 'muted small' }, attributes(s))),
    ranksCard(history),
    outcomesCard(history),
    whyNotCard(id, [...history.periods].reverse().map((p) => p.period)),
    factsCard(history));
  drawUnitChart(history);
}

/** The subject row's other fields (group, parent, industry …) as one line. */
function attributes(s) {
  return Object.entries(s)
    .filter(([k]) => !['id', 'name', 'type'].includes(k))
    .map(([k, v]) => `${columnName(catalogue, 'subjects', k)}：${show(v)}`)
    .join(' · ');
}

function outcomesCard(history) {
  const rows = [...history.periods].reverse().flatMap((p) => p.outcomes.map((o) => ({ p, o })));
  return el('section', { class: 'card', id: 'unit-outcomes' },
    el('h2', {}, `处理结果（${rows.length} 条）`),
    history.periods.some((p) => p.runRevision !== null && p.runRevision < p.revision)
      ? el('div', { class: 'message warn' }, '部分期间的数据在最近一次评估后已更正，显示的结果来自更正前的评估，请重新评估。')
      : null,
    rows.length === 0 ? el('p', { class: 'muted' }, '各期间均无处理结果') : el('div', { class: 'table-scroll', style: 'max-height: 380px' }, table([
      { label: '期间' }, { label: '类别' }, { label: '措施' }, { label: '金额', class: 'num' }, { label: '规则' }, { label: '事由' },
    ], rows.map(({ p, o }) => el('tr', {
      class: 'clickable outcome',
      dataset: { outcome: o.id },
      onclick: () => openOutcomeDetail(o, { user }),
    },
    el('td', { class: 'nowrap' }, p.period),
    el('td', {}, el('span', { class: `badge kind-${o.kind}` }, label(KIND_LABELS, o.kind))),
    el('td', {}, o.measureLabel),
    el('td', { class: 'num' }, formatOutcomeMoney(o)),
    el('td', { class: 'mono nowrap', title: o.ruleName || null }, o.ruleId),
    el('td', {}, el('div', { class: 'clamp', title: o.reason }, o.reason)))))));
}

/** Every rank of the unit, by indicator and granularity, for the chart's choices. */
function rankSeries(history) {
  const ranks = history.periods.flatMap((p) => p.ranks);
  const keys = new Map();
  for (const r of ranks) {
    const granularity = granularityOf(r.period);
    const key = `${r.indicator}|${granularity}`;
    if (!keys.has(key)) {
      keys.set(key, { indicator: r.indicator, indicatorLabel: r.indicatorLabel, granularity, points: [] });
    }
    keys.get(key).points.push(r);
  }
  return [...keys.values()];
}

function granularityOf(period) {
  if (/-Q\d$/.test(period)) {
    return 'QUARTER';
  }
  if (/-W\d\d$/.test(period)) {
    return 'WEEK';
  }
  return /^\d{4}$/.test(period) ? 'YEAR' : 'MONTH';
}

function ranksCard(history) {
  const choices = rankSeries(history);
  if (choices.length === 0) {
    return null; // enterprises, sites, people: not ranked
  }
  const select = el('select', { id: 'unit-indicator' });
  fillSelect(select, choices.map((c, i) => ({
    value: String(i), label: `${c.indicatorLabel} · ${label(GRANULARITY_LABELS, c.granularity)}（${c.points.length}）`,
  })), { value: String(Math.max(0, choices.findIndex((c) => c.indicator === 'PM25' && c.granularity === 'MONTH'))) });
  select.addEventListener('change', () => drawUnitChart(history));
  return el('section', { class: 'card', id: 'unit-ranks' },
    el('div', { class: 'form-line', style: 'margin-top: 0' }, el('h2', { class: 'grow', style: 'margin: 0' }, '排名变化'), select),
    el('div', { class: 'row' },
      el('div', { id: 'unit-chart', class: 'chart small grow' }),
      el('div', { id: 'unit-rank-table', style: 'width: 330px; max-height: 300px; overflow: auto' })));
}

function drawUnitChart(history) {
  const select = byId('unit-indicator');
  if (!select) {
    return;
  }
  const choice = rankSeries(history)[Number(select.value)];
  const points = [...choice.points].sort((a, b) => (a.period < b.period ? -1 : 1));
  const name = history.subject ? history.subject.name : history.subjectId;
  drawRankChart(byId('unit-chart'), {
    periods: points.map((p) => p.period),
    series: [{ subjectId: history.subjectId, subjectName: name, points }],
  }, { mode: 'rank' });
  replace(byId('unit-rank-table'), table([
    { label: '期间' }, { label: '名次', class: 'num' }, { label: '数值', class: 'num' }, { label: '组均值', class: 'num' },
  ], [...points].reverse().map((r) => el('tr', { class: r.rankFromBottom <= 3 && r.of > 3 ? 'bottom' : null },
    el('td', {}, r.period),
    el('td', { class: 'num' }, `${r.rank}/${r.of}`),
    el('td', { class: 'num' }, formatNumber(r.value)),
    el('td', { class: 'num' }, formatNumber(r.groupMean))))));
}

function factsCard(history) {
  return el('section', { class: 'card', id: 'unit-facts' },
    el('h2', {}, '事实数据'),
    [...history.periods].reverse().map((p, i) => el('details', { class: 'period', open: i === 0 },
      el('summary', {}, `${formatPeriod(p.period)}（${p.period}）第${p.revision}版`,
        el('span', { class: 'muted small' }, `  ${Object.values(p.facts).reduce((n, rows) => n + rows.length, 0)} 条记录，`
          + `${p.outcomes.length} 条处理结果`)),
      el('div', {}, Object.keys(p.facts).length === 0 ? el('p', { class: 'muted' }, '本期无该单位的其他记录')
        : Object.entries(p.facts).map(([t, rows]) => factTable(t, rows))))));
}

function factTable(tableName, rows) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(flatten(r))))];
  return [
    el('h3', {}, `${catalogue.tables[tableName] ? catalogue.tables[tableName].label : tableName}（${rows.length}）`),
    el('div', { class: 'table-scroll' }, table(keys.map((k) => ({ label: columnName(catalogue, tableName, k) })),
      rows.map((r) => {
        const flat = flatten(r);
        return el('tr', {}, keys.map((k) => el('td', { class: 'small' }, show(flat[k]))));
      }))),
  ];
}

/** Nested values (an inspection's checklist items) become columns "items.FENCING", as in the templates. */
function flatten(row, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(row)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      flatten(v, `${prefix}${k}.`, out);
    } else {
      out[`${prefix}${k}`] = v;
    }
  }
  return out;
}

function show(v) {
  if (v === null || v === undefined) {
    return '';
  }
  if (typeof v === 'boolean') {
    return v ? '是' : '否';
  }
  return String(v);
}
