// The what-if report of POST /api/v1/rulesets/{version}/simulate as tables a policy officer reads:
// how many outcomes change and how, counts and money per kind before and after, who is affected, and
// every change with the outcome before and after.

import { el, fillSelect, formatYuan, formatRange, formatPeriod, shortHash, table } from '../dom.js';
import { KIND_LABELS, PERSON_ROLE_LABELS, SUBJECT_TYPE_LABELS, CHANGE_TYPE_LABELS, label } from '../labels.js';

const FIELD_LABELS = {
  kind: '类别',
  measure: '措施',
  amountYuan: '金额',
  severity: '严重程度',
  duration: '期限',
  targetRole: '对象',
  fineRangeYuan: '罚款幅度',
};

const MAX_ROWS = 300;

/** The whole report. */
export function simulationReport(report) {
  const s = report.summary;
  const byType = s.changesByType || {};
  const total = (byType.ADDED || 0) + (byType.REMOVED || 0) + (byType.CHANGED || 0);
  const changes = report.periods.flatMap((p) => p.diff.changes.map((c) => ({ period: p.period, ...c })));
  const container = el('div', { id: 'simulation-report' },
    el('div', { class: 'muted small' },
      `预演 ${report.periods.map((p) => p.period).join('、')}：候选版本 `,
      el('span', { class: 'mono', title: report.version }, shortHash(report.version)),
      ' 对照 ', report.against ? el('span', { class: 'mono' }, shortHash(report.against)) : '各期间的现行版本',
      `，用时 ${(report.elapsedMillis / 1000).toFixed(1)} 秒；不保存任何结果。`),
    el('div', { class: 'sim-cards', id: 'simulation-totals' },
      card('结论变化', `${total} 条`, total === 0 ? '与现行规则的结论完全相同' : null, 'total'),
      card(CHANGE_TYPE_LABELS.ADDED, `${byType.ADDED || 0} 条`, null, 'ADDED'),
      card(CHANGE_TYPE_LABELS.REMOVED, `${byType.REMOVED || 0} 条`, null, 'REMOVED'),
      card(CHANGE_TYPE_LABELS.CHANGED, `${byType.CHANGED || 0} 条`, null, 'CHANGED'),
      card('金额净变化', signedYuan(s.netMoneyChangeYuan), '扣款与奖励分别计算，见下表', 'money')),
    el('div', { class: 'row' },
      el('div', { class: 'grow' }, el('h3', {}, '各类结论数量与金额'), kindTable(s.totalsBefore, s.totalsAfter)),
      el('div', { class: 'grow' }, el('h3', {}, `涉及的主体（${s.subjects.length}）`), subjectTable(s.subjects))),
    el('h3', {}, '逐条变化'),
    changeTable(report, changes));
  return container;
}

function card(title, value, note, key) {
  return el('div', { class: 'sim-card', dataset: { key } },
    el('div', { class: 'muted small' }, title),
    el('div', { class: 'count' }, value),
    note ? el('div', { class: 'muted small' }, note) : null);
}

function signedYuan(yuan) {
  if (!yuan) {
    return '0 元';
  }
  return `${yuan > 0 ? '+' : '−'}${formatYuan(Math.abs(yuan))}`;
}

function kindTable(before, after) {
  const kinds = Object.keys(KIND_LABELS);
  const rows = kinds.map((k) => {
    const b = (before.counts || {})[k] || 0;
    const a = (after.counts || {})[k] || 0;
    return el('tr', { class: a !== b ? 'changed' : null, dataset: { kind: k } },
      el('td', {}, el('span', { class: `badge kind-${k}` }, label(KIND_LABELS, k))),
      el('td', { class: 'num' }, String(b)), el('td', { class: 'num' }, String(a)),
      el('td', { class: 'num' }, a === b ? '' : `${a > b ? '+' : ''}${a - b}`));
  });
  const money = [
    ['财政扣款', before.deductionYuan, after.deductionYuan],
    ['财政奖励', before.rewardYuan, after.rewardYuan],
    ['罚款建议上限', before.maximumFineYuan, after.maximumFineYuan],
  ].map(([name, b, a]) => el('tr', { class: a !== b ? 'changed money' : 'money', dataset: { money: name } },
    el('td', {}, name), el('td', { class: 'num' }, formatYuan(b || 0)), el('td', { class: 'num' }, formatYuan(a || 0)),
    el('td', { class: 'num' }, a === b ? '' : signedYuan((a || 0) - (b || 0)))));
  return table([{ label: '' }, { label: '现行', class: 'num' }, { label: '候选', class: 'num' }, { label: '变化', class: 'num' }],
    [...rows, ...money], { id: 'simulation-kinds' });
}

function subjectTable(subjects) {
  if (subjects.length === 0) {
    return el('p', { class: 'muted' }, '无');
  }
  return el('div', { class: 'table-scroll', style: 'max-height: 260px' }, table([
    { label: '主体' }, { label: '新增', class: 'num' }, { label: '取消', class: 'num' }, { label: '变更', class: 'num' },
    { label: '金额变化', class: 'num' },
  ], subjects.map((x) => el('tr', { dataset: { subject: x.subject.id } },
    el('td', {}, x.subject.name || x.subject.id, el('span', { class: 'muted small' }, ` ${x.subject.id} · ${label(SUBJECT_TYPE_LABELS, x.subject.type)}`)),
    el('td', { class: 'num' }, x.added || ''), el('td', { class: 'num' }, x.removed || ''), el('td', { class: 'num' }, x.changed || ''),
    el('td', { class: 'num' }, x.moneyChangeYuan ? signedYuan(x.moneyChangeYuan) : ''))), { id: 'simulation-subjects' }));
}

function changeTable(report, changes) {
  if (changes.length === 0) {
    return el('p', { class: 'muted', id: 'simulation-no-changes' }, '没有任何结论发生变化');
  }
  const select = el('select', { id: 'simulation-period' });
  fillSelect(select, report.periods.map((p) => ({ value: p.period, label: `${formatPeriod(p.period)}（${p.diff.changes.length} 条）` })),
    { placeholder: `全部期间（${changes.length} 条）` });
  const body = el('tbody');
  const draw = () => {
    const shown = changes.filter((c) => !select.value || c.period === select.value);
    body.replaceChildren(...shown.slice(0, MAX_ROWS).map(changeRow));
    note.textContent = shown.length > MAX_ROWS ? `只显示前 ${MAX_ROWS} 条，共 ${shown.length} 条；请按期间筛选` : '';
  };
  const note = el('span', { class: 'muted small' });
  select.addEventListener('change', draw);
  const t = el('table', { class: 'data', id: 'simulation-changes' },
    el('thead', {}, el('tr', {}, ['期间', '主体', '规则', '变化', '现行结论', '候选结论'].map((h) => el('th', {}, h)))),
    body);
  draw();
  return el('div', {}, el('div', { class: 'form-line' }, select, note), el('div', { class: 'table-scroll', style: 'max-height: 420px' }, t));
}

function changeRow(c) {
  const fields = (c.changedFields || []).map((f) => FIELD_LABELS[f] || f);
  return el('tr', { class: `change-${c.type}`, dataset: { type: c.type, subject: c.subject.id, rule: c.ruleId } },
    el('td', { class: 'nowrap' }, c.period),
    el('td', {}, c.subject.name || c.subject.id, el('div', { class: 'muted small mono' }, c.subject.id)),
    el('td', { class: 'mono nowrap' }, c.ruleId),
    el('td', { class: 'nowrap' }, el('span', { class: `badge change-${c.type}` }, label(CHANGE_TYPE_LABELS, c.type)),
      fields.length ? el('div', { class: 'muted small' }, fields.join('、')) : null),
    el('td', {}, outcome(c.before)),
    el('td', {}, outcome(c.after)));
}

function outcome(o) {
  if (!o) {
    return el('span', { class: 'muted' }, '—');
  }
  const parts = [o.measureLabel || o.measure];
  if (o.amountYuan !== null && o.amountYuan !== undefined) {
    parts.push(formatYuan(o.amountYuan));
  }
  if (o.fineRangeYuan) {
    parts.push(formatRange(o.fineRangeYuan.minYuan, o.fineRangeYuan.maxYuan));
  }
  if (o.durationDays) {
    parts.push(`${o.durationDays} 天`);
  }
  if (o.durationHours) {
    parts.push(`${o.durationHours} 小时`);
  }
  if (o.targetRole) {
    parts.push(label(PERSON_ROLE_LABELS, o.targetRole));
  }
  return el('div', {}, el('div', {}, el('span', { class: `badge kind-${o.kind}` }, label(KIND_LABELS, o.kind)), ' ', parts.join('，')),
    el('div', { class: 'muted small clamp', title: o.reason }, o.reason));
}
