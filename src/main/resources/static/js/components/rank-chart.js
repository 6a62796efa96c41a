// Rank and value over time as an Apache ECharts line chart (loaded by the page as the classic script
// /webjars/echarts/echarts.min.js, served from the app: the intranet has no CDN).

import { formatPeriod } from '../dom.js';

/**
 * Draws (or redraws) a chart of units' ranks or values.
 *
 * @param {HTMLElement} element the chart's box
 * @param {object} data {periods: [...], series: [{subjectId, subjectName, points: [{period, rank, of, value}]}]}
 * @param {object} options {mode: 'rank' | 'value', valueName: '数值', onClickUnit(subjectId)}
 * @returns the ECharts instance
 */
export function drawRankChart(element, data, { mode = 'rank', valueName = '数值', onClickUnit } = {}) {
  const echarts = window.echarts;
  const chart = echarts.getInstanceByDom(element) || echarts.init(element, null, { renderer: 'canvas' });
  resizeWithWindow();
  const rank = mode === 'rank';
  const maxOf = Math.max(1, ...data.series.flatMap((s) => s.points.map((p) => p.of)));
  const series = data.series.map((s) => {
    const byPeriod = new Map(s.points.map((p) => [p.period, p]));
    return {
      name: s.subjectName || s.subjectId,
      id: s.subjectId,
      type: 'line',
      connectNulls: false,
      symbolSize: 6,
      data: data.periods.map((period) => {
        const p = byPeriod.get(period);
        return p ? (rank ? p.rank : p.value) : null;
      }),
    };
  });
  chart.setOption({
    animation: false,
    color: ['#1d4f91', '#c23531', '#2f9e44', '#e67700', '#7048e8', '#0c8599', '#a61e4d', '#5c940d',
      '#364fc7', '#d9480f', '#087f5b', '#862e9c', '#495057', '#f08c00', '#1971c2'],
    tooltip: {
      trigger: 'axis',
      order: rank ? 'valueAsc' : 'valueDesc',
      // the tooltip is HTML: unit names come from uploaded files, so they are escaped
      formatter: (items) => {
        const escape = echarts.format.encodeHTML;
        const lines = items.filter((i) => i.value !== null && i.value !== undefined)
          .map((i) => `${i.marker}${escape(i.seriesName)}：${rank ? `第 ${i.value} 名` : escape(String(i.value))}`);
        return [escape(formatPeriod(items[0].axisValue)), ...lines].join('<br>');
      },
    },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: data.periods, boundaryGap: false },
    yAxis: rank
      ? { type: 'value', name: '名次', nameLocation: 'start', inverse: true, min: 1, max: maxOf, interval: 1, minInterval: 1 }
      : { type: 'value', name: valueName, scale: true },
    series,
  }, { notMerge: true });
  chart.off('click');
  if (onClickUnit) {
    chart.on('click', (event) => onClickUnit(data.series[event.seriesIndex].subjectId));
  }
  return chart;
}

let resizing = false;

/** Keeps every chart of the page sized to its box when the window changes. */
function resizeWithWindow() {
  if (resizing) {
    return;
  }
  resizing = true;
  window.addEventListener('resize', () => {
    for (const element of document.querySelectorAll('[_echarts_instance_]')) {
      const chart = window.echarts.getInstanceByDom(element);
      if (chart) {
        chart.resize();
      }
    }
  });
}
