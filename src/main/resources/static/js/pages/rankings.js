// 排名趋势: the ranking table of one indicator and period per group (GET /api/v1/rankings), and every
// unit's rank or value over the stored periods as a chart (GET /api/v1/rankings/series).

import * as api from '../api.js';
import { runPage, errorMessage } from '../shell.js';
import {
  el, byId, replace, fillSelect, table, queryParams, setQueryParams, formatPeriod, formatNumber,
} from '../dom.js';
import { GRANULARITY_LABELS, label } from '../labels.js';
import { drawRankChart } from '../components/rank-chart.js';

let indicators = [];
let series = null;

runPage('rankings', async () => {
  const params = queryParams();
  indicators = (await api.get('/api/v1/rankings/indicators', { size: 500 })).content;
  if (indicators.length === 0) {
    replace(document.querySelector('main'), el('section', { class: 'card' },
      el('p', { class: 'muted', id: 'no-rankings' }, '尚无排名数据：请先在“数据上报”上传含指标数据的期间。')));
    return;
  }
  const indicator = byId('indicator');
  fillSelect(indicator, indicators.map((i) => ({ value: i.indicator, label: `${i.indicatorLabel}（${i.indicator}）` })), {
    value: params.get('indicator') || (indicators.some((i) => i.indicator === 'PM25') ? 'PM25' : indicators[0].indicator),
  });
  const mode = params.get('mode') === 'value' ? 'value' : 'rank';
  document.querySelector(`input[name=mode][value=${mode}]`).checked = true;
  fillChoices(params.get('granularity'), params.get('group'));
  indicator.addEventListener('change', () => {
    fillChoices();
    loadSeries();
  });
  byId('granularity').addEventListener('change', () => loadSeries());
  byId('group').addEventListener('change', () => loadSeries());
  byId('period').addEventListener('change', () => {
    remember();
    loadTable();
  });
  for (const radio of document.querySelectorAll('input[name=mode]')) {
    radio.addEventListener('change', () => {
      remember();
      drawChart();
    });
  }
  await loadSeries(params.get('period'));
});

function selected() {
  return indicators.find((i) => i.indicator === byId('indicator').value);
}

/** Granularities and groups of the chosen indicator. */
function fillChoices(granularity, group) {
  const i = selected();
  fillSelect(byId('granularity'), i.granularities.map((g) => ({ value: g, label: label(GRANULARITY_LABELS, g) })), {
    value: granularity || (i.granularities.includes('MONTH') ? 'MONTH' : i.granularities[0]),
  });
  fillSelect(byId('group'), i.groups.map((g) => ({ value: g, label: g })), {
    placeholder: '全部单位',
    value: group !== null && group !== undefined ? group : (i.groups[0] || ''),
  });
}

function mode() {
  return document.querySelector('input[name=mode]:checked').value;
}

function remember() {
  setQueryParams({
    indicator: byId('indicator').value,
    granularity: byId('granularity').value,
    group: byId('group').value,
    period: byId('period').value,
    mode: mode() === 'value' ? 'value' : '',
  });
}

async function loadSeries(wantedPeriod) {
  try {
    series = await api.get('/api/v1/rankings/series', {
      indicator: byId('indicator').value,
      granularity: byId('granularity').value,
      group: byId('group').value,
      size: 500, // every unit of the chart (the list is paged like every list)
    });
  } catch (err) {
    replace(byId('ranking-table'), errorMessage(err));
    return;
  }
  const periods = [...series.periods].reverse();
  fillSelect(byId('period'), periods.map((p) => ({ value: p, label: `${formatPeriod(p)}（${p}）` })), {
    value: wantedPeriod || periods[0],
  });
  remember();
  drawChart();
  await loadTable();
}

function drawChart() {
  const group = byId('group').value;
  replace(byId('chart-title'), `${series.indicatorLabel}：${group || '全部单位'}各单位${mode() === 'rank' ? '排名' : '数值'}变化`);
  drawRankChart(byId('trend-chart'), series, {
    mode: mode(),
    valueName: series.indicatorLabel,
    onClickUnit: (id) => location.assign(`/units.html?id=${encodeURIComponent(id)}`),
  });
}

async function loadTable() {
  const period = byId('period').value;
  const group = byId('group').value;
  replace(byId('table-title'), `${formatPeriod(period)} ${selected().indicatorLabel} 排名`);
  if (!period) {
    replace(byId('ranking-table'), el('p', { class: 'muted' }, '该指标在此周期下没有排名'));
    return;
  }
  try {
    const ranks = await api.all('/api/v1/rankings', {
      period, indicator: byId('indicator').value, group, granularity: byId('granularity').value,
    });
    const groups = new Map();
    for (const r of ranks.content) {
      const key = r.group || '未分组';
      if (!groups.has(key)) {
        groups.set(key, []);
      }
      groups.get(key).push(r);
    }
    replace(byId('ranking-table'),
      el('p', { class: 'muted small' }, `数据：${ranks.period} 第${ranks.revision}版`),
      [...groups.entries()].map(([name, rows]) => [
        el('h3', {}, `${name}（${rows.length} 个单位）`),
        table([
          { label: '名次', class: 'num' }, { label: '单位' }, { label: '数值', class: 'num' }, { label: '目标', class: 'num' },
          { label: '同比%', class: 'num' }, { label: '组均值', class: 'num' }, { label: '来源' },
        ], rows.map((r) => el('tr', {
          class: r.rankFromBottom <= 3 && r.of > 3 ? 'bottom' : (r.rank <= 3 && r.of > 3 ? 'top' : null),
          dataset: { subject: r.subjectId },
        },
        el('td', { class: 'num' }, `${r.rank}/${r.of}`),
        el('td', {}, el('a', { href: `/units.html?id=${encodeURIComponent(r.subjectId)}` }, r.subjectName || r.subjectId)),
        el('td', { class: 'num' }, formatNumber(r.value)),
        el('td', { class: 'num' }, formatNumber(r.target)),
        el('td', { class: 'num' }, formatNumber(r.yoyChangePct)),
        el('td', { class: 'num' }, formatNumber(r.groupMean)),
        el('td', {}, r.source === 'OFFICIAL' ? el('span', { class: 'badge warn', title: '文档中的官方排名' }, '官方') : '计算'))),
        { class: 'data ranking' }),
      ]));
  } catch (err) {
    replace(byId('ranking-table'), errorMessage(err));
  }
}
