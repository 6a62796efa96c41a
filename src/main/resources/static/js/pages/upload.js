// 数据上报: drag and drop a period's fact file, see every problem located by sheet, row and column, or
// the receipt of the stored revision.

import * as api from '../api.js';
import { runPage, errorMessage } from '../shell.js';
import { el, byId, replace, table, formatDateTime, formatPeriod } from '../dom.js';
import { FORMAT_LABELS, label } from '../labels.js';
import { factTables, tableName } from '../fact-tables.js';
import { guard } from '../permissions.js';

const PERIOD = /^\d{4}(-Q[1-4]|-\d{2}|-W\d{2})?$/;

/** The fact tables with their Chinese names. */
let catalogue = null;
let files = [];

runPage('upload', async (user) => {
  guard(byId('upload'), user, 'uploadFacts');
  setUpDropZone();
  byId('upload-form').addEventListener('submit', (event) => {
    event.preventDefault();
    upload();
  });
  await Promise.all([loadTemplates(), loadRecent()]);
});

async function loadTemplates() {
  catalogue = await factTables();
  byId('template-workbook').addEventListener('click', (event) => {
    event.preventDefault();
    downloadTemplate(catalogue.workbook, 'kaohe-template.xlsx');
  });
  replace(byId('csv-templates'), el('div', { class: 'muted' }, 'CSV 模板（每表一个文件）：'),
    catalogue.list.map((t) => el('a', {
      href: t.csv,
      dataset: { table: t.table },
      onclick: (event) => {
        event.preventDefault();
        downloadTemplate(t.csv, `${t.table}.csv`);
      },
    }, t.label)));
}

/** Through the API client, so the download carries the login token once there is one. */
async function downloadTemplate(path, name) {
  const period = byId('period').value.trim();
  try {
    await api.download(path, PERIOD.test(period) ? { period } : undefined, name);
  } catch (err) {
    replace(byId('result'), errorMessage(err, '模板下载失败'));
  }
}

async function loadRecent() {
  const page = await api.get('/api/v1/facts', { size: 8 });
  if (page.content.length === 0) {
    replace(byId('recent'), el('p', { class: 'muted' }, '尚无上传记录'));
    return;
  }
  replace(byId('recent'), table([{ label: '期间' }, { label: '版本' }, { label: '上传时间' }],
    page.content.map((b) => el('tr', { title: `${b.source || ''}` },
      el('td', {}, b.period),
      el('td', {}, `第${b.revision}版`),
      el('td', { class: 'small' }, formatDateTime(b.uploadedAt))))));
}

// ---- choosing files ----

function setUpDropZone() {
  const zone = byId('drop');
  const input = byId('files');
  byId('choose').addEventListener('click', () => input.click());
  input.addEventListener('change', () => choose([...input.files]));
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    choose([...event.dataTransfer.files]);
  });
}

function kindOf(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json')) {
    return 'JSON';
  }
  if (name.endsWith('.csv')) {
    return 'CSV';
  }
  if (name.endsWith('.xlsx')) {
    return 'XLSX';
  }
  return null;
}

async function choose(chosen) {
  files = chosen;
  replace(byId('result'));
  replace(byId('chosen'), files.map((f) => el('li', {},
    `${f.name}（${(f.size / 1024).toFixed(1)} KB）`,
    kindOf(f) ? null : el('span', { class: 'badge danger' }, '不支持的文件类型'))));
  const hint = byId('period-hint');
  const periodInput = byId('period');
  periodInput.disabled = false;
  hint.textContent = '';
  if (files.length === 1 && kindOf(files[0]) === 'JSON') {
    // a JSON document names its own period; the form field is not sent
    const period = await periodInJson(files[0]);
    periodInput.value = period || '';
    periodInput.disabled = true;
    hint.textContent = 'JSON 文档的期间取自文档本身';
    return;
  }
  const guessed = files.map((f) => /(\d{4}-(Q[1-4]|\d{2}|W\d{2}))/i.exec(f.name)).find(Boolean);
  if (guessed && !periodInput.value) {
    periodInput.value = guessed[1].toUpperCase();
    hint.textContent = '期间由文件名推断，请核对';
  }
}

async function periodInJson(file) {
  try {
    const doc = JSON.parse(await file.text());
    return typeof doc.period === 'string' ? doc.period : null;
  } catch {
    return null; // the server reports the syntax error, located
  }
}

// ---- uploading ----

function refuse(text) {
  replace(byId('result'), el('div', { class: 'message error', role: 'alert' }, text));
}

async function upload() {
  if (files.length === 0) {
    refuse('请先选择或拖入要上传的文件');
    return;
  }
  const kinds = new Set(files.map(kindOf));
  if (kinds.has(null)) {
    refuse('只能上传 .xlsx、.csv 或 .json 文件');
    return;
  }
  if (kinds.has('JSON') && files.length > 1) {
    refuse('JSON 文档须单独上传，一次一个');
    return;
  }
  const period = byId('period').value.trim().toUpperCase();
  const submittedBy = byId('submitted-by').value.trim();
  const button = byId('upload');
  button.disabled = true;
  replace(byId('result'), el('div', { class: 'message info' }, '正在上传并校验……'));
  try {
    let receipt;
    if (kinds.has('JSON')) {
      receipt = await api.request('/api/v1/facts', {
        method: 'POST', body: files[0], contentType: 'application/json',
      });
    } else {
      if (!PERIOD.test(period)) {
        refuse('请填写期间，如 2026-Q3（季度）、2026-09（月）或 2026（年度）');
        return;
      }
      const form = new FormData();
      form.append('period', period);
      if (submittedBy) {
        form.append('submittedBy', submittedBy);
      }
      for (const f of files) {
        form.append('files', f, f.name);
      }
      receipt = await api.request('/api/v1/facts', { method: 'POST', body: form });
    }
    showReceipt(receipt);
    loadRecent();
  } catch (err) {
    showProblems(err);
  } finally {
    button.disabled = false;
    // the answer is below the form, out of sight on a 768-pixel screen
    byId('result').scrollIntoView({ block: 'start' });
  }
}

function showReceipt(r) {
  const counts = Object.entries(r.counts || {}).filter(([, n]) => n > 0);
  replace(byId('result'), el('section', { class: 'card', id: 'receipt' },
    el('div', { class: 'message ok' },
      el('div', { class: 'title' }, `上传成功：${formatPeriod(r.period)}（${r.period}）第${r.revision}版已保存`),
      r.revision > 1 ? el('div', {}, `这是对第${r.revision - 1}版的更正；评估该期间时将使用第${r.revision}版。`) : null),
    el('dl', { class: 'form-grid' },
      el('dt', { class: 'muted' }, '批次号'), el('dd', { class: 'mono', id: 'receipt-batch' }, r.batchId),
      el('dt', { class: 'muted' }, '期间'), el('dd', {}, r.period),
      el('dt', { class: 'muted' }, '版本'), el('dd', { id: 'receipt-revision' }, `第${r.revision}版`),
      el('dt', { class: 'muted' }, '格式'), el('dd', {}, label(FORMAT_LABELS, r.format)),
      el('dt', { class: 'muted' }, '来源文件'), el('dd', {}, r.source || '—'),
      el('dt', { class: 'muted' }, '上传时间'), el('dd', {}, formatDateTime(r.uploadedAt)),
      el('dt', { class: 'muted' }, '记录总数'), el('dd', {}, String(r.rowCount))),
    el('h3', {}, '各表记录数'),
    table([{ label: '表' }, { label: '记录数', class: 'num' }],
      counts.map(([t, n]) => el('tr', {}, el('td', {}, tableName(catalogue, t)),
        el('td', { class: 'num' }, String(n)))), { id: 'receipt-counts' }),
    el('p', {}, el('a', { class: 'button primary', href: `/results.html?evaluate=${encodeURIComponent(r.period)}` },
      '去评估该期间'))));
}

/** Every problem of a refused upload, grouped by sheet or file (or table, for JSON). */
function showProblems(err) {
  if (!err.is || !err.is('invalid-facts') || err.errors.length === 0) {
    replace(byId('result'), errorMessage(err, '上传失败'));
    return;
  }
  const groups = new Map();
  for (const p of err.errors) {
    const where = p.source && p.table && catalogue.tables[p.table] ? `${p.source}（${catalogue.tables[p.table].label}）`
      : p.source || (p.table ? tableName(catalogue, p.table) : '整个文档');
    if (!groups.has(where)) {
      groups.set(where, []);
    }
    groups.get(where).push(p);
  }
  const json = err.errors.some((p) => p.path && !p.column);
  replace(byId('result'), el('section', { class: 'card', id: 'problems' },
    el('div', { class: 'message error', role: 'alert' },
      el('div', { class: 'title' }, `文件未通过校验：共 ${err.errors.length} 个问题，未保存任何数据`),
      el('div', {}, '请按下表逐条修改后重新上传。')),
    [...groups.entries()].map(([where, problems]) => [
      el('h3', {}, where === '整个文档' ? where : `工作表 / 文件：${where}`),
      table([
        { label: '行', class: 'num' }, { label: json ? '位置' : '列' }, { label: '字段' }, { label: '问题' }, { label: '代码' },
      ], problems.sort((a, b) => (a.row || 0) - (b.row || 0)).map((p) => el('tr', { class: 'problem' },
        el('td', { class: 'num' }, p.row ? `第${p.row}行` : '—'),
        el('td', { class: json ? 'mono' : 'nowrap' }, (json ? p.path : p.column) || '—'),
        el('td', { class: 'mono' }, p.field || '—'),
        el('td', { title: p.messageEn || null }, p.message),
        el('td', { class: 'mono small' }, p.code)))),
    ])));
}
