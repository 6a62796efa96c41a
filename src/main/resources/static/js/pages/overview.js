// 概览: the stored periods (GET /api/v1/periods) with their latest revision and run.

import * as api from '../api.js';
import { runPage } from '../shell.js';
import { el, byId, replace, table, formatPeriod, formatDateTime } from '../dom.js';
import { FORMAT_LABELS, label } from '../labels.js';

runPage('overview', async () => {
  const periods = await api.get('/api/v1/periods', { size: 500 });
  if (periods.content.length === 0) {
    replace(byId('periods'), el('p', {}, '尚未上传任何数据。', el('a', { href: '/upload.html' }, '去上传')));
    return;
  }
  replace(byId('periods'), table([
    { label: '期间' }, { label: '数据版本' }, { label: '上传' }, { label: '最近评估' }, { label: '状态' }, { label: '' },
  ], periods.content.map((p) => el('tr', { dataset: { period: p.period } },
    el('td', {}, `${formatPeriod(p.period)}（${p.period}）`),
    el('td', {}, `第${p.revision}版 · ${label(FORMAT_LABELS, p.format)}`),
    el('td', { class: 'small' }, formatDateTime(p.uploadedAt), el('div', { class: 'muted' }, p.uploadedBy || '')),
    el('td', { class: 'small' }, p.latestRun
      ? [`第${p.latestRun.runNumber}次（第${p.latestRun.revision}版数据）`, el('div', { class: 'muted' },
        `${p.latestRun.outcomeCount} 条结果 · ${formatDateTime(p.latestRun.createdAt)}`)]
      : '—'),
    el('td', {}, status(p)),
    el('td', { class: 'nowrap' }, p.latestRun
      ? el('a', { href: `/results.html?run=${encodeURIComponent(p.latestRun.runId)}` }, '查看结果') : null,
    ' ', p.evaluated ? null : el('a', { href: `/results.html?evaluate=${encodeURIComponent(p.period)}` }, '去评估'))))));
});

function status(p) {
  if (!p.latestRun) {
    return el('span', { class: 'badge warn' }, '未评估');
  }
  return p.evaluated ? el('span', { class: 'badge ok' }, '已评估') : el('span', { class: 'badge danger' }, '已更正，待重新评估');
}
