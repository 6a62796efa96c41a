// 规则: the rules of the version in force (GET /api/v1/rulesets/active, …/{version}, …/files/{path}),
// the parameter file as a form, a DRL editor, "检查" (POST /api/v1/rulesets with basedOn: a stored
// candidate with every problem located), "模拟" (POST …/{version}/simulate), and for approvers "启用"
// and "回滚" with the version history and file diffs.
//
// Edits are a draft {path: text} on top of the version in force, kept for this tab (sessionStorage)
// so a page change or a sign-in as someone else does not lose them.

import * as api from '../api.js';
import { runPage, errorMessage } from '../shell.js';
import {
  el, byId, replace, fillSelect, table, queryParams, formatDateTime, formatPeriod, shortHash,
} from '../dom.js';
import { RULESET_STATE_LABELS, VERSION_STATUS_LABELS, label } from '../labels.js';
import { can, guard, needs } from '../permissions.js';
import * as parameters from '../rules/parameters-file.js';
import { catalogue, isRuleFile } from '../rules/rule-catalogue.js';
import { defineDrlMode, modeOf } from '../rules/drl-mode.js';
import { simulationReport } from '../rules/simulation-view.js';
import { diffList } from '../rules/diff-view.js';

const PARAMETERS = 'parameters.yaml';
const DRAFT_KEY = 'kaohe.rulesDraft';
const TABS = ['list', 'parameters', 'editor', 'check', 'simulate', 'versions'];

const state = {
  user: null,
  active: null, // GET /rulesets/active
  base: null, // the version edits are based on (in force when the page opened)
  files: [], // its text files [{path, affectsOutcomes}]
  texts: new Map(), // path → text of the base version
  draft: {}, // path → edited text
  candidate: null, // the last version stored by 检查
  versions: [],
  selected: null, // the version shown in 版本与审批
  editor: null,
  docs: new Map(),
  editorPath: null,
};

runPage('rules', async (user) => {
  state.user = user;
  defineDrlMode();
  state.active = await api.get('/api/v1/rulesets/active');
  if (!can(user, 'readRules')) {
    state.base = state.active.version;
    showHeader();
    document.querySelector('#tabs').hidden = true;
    document.querySelector('main').append(el('section', { class: 'card', id: 'rules-forbidden' },
      el('p', { class: 'message info' }, `规则文件、版本和审批${needs('readRules')}。现行版本见上。`)));
    return;
  }
  state.base = state.active.version;
  const detail = await api.get(`/api/v1/rulesets/${encodeURIComponent(state.base)}`);
  state.files = detail.files.filter((f) => !f.path.toLowerCase().endsWith('.xlsx') && !f.path.startsWith('scenarios/'));
  await Promise.all(state.files.filter((f) => isRuleFile(f.path) || f.path === PARAMETERS)
    .map((f) => loadText(f.path)));
  restoreDraft();
  showHeader();
  bindTabs();
  bindParameters();
  bindEditor();
  bindCheck();
  bindSimulate();
  bindVersions();
  renderRuleList();
  await loadVersions();
  const params = queryParams();
  if (params.get('version')) {
    state.selected = params.get('version');
  }
  if (params.get('file')) {
    await openInEditor(params.get('file'), Number(params.get('line')) || 1, 1);
  } else {
    showTab(TABS.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'list');
  }
});

function fileUrl(version, path) {
  return `/api/v1/rulesets/${encodeURIComponent(version)}/files/${path.split('/').map(encodeURIComponent).join('/')}`;
}

async function loadText(path) {
  if (!state.texts.has(path)) {
    state.texts.set(path, await api.text(fileUrl(state.base, path)));
  }
  return state.texts.get(path);
}

/** The text of a file as edited (the draft) or as in the base version. */
async function currentText(path) {
  return Object.prototype.hasOwnProperty.call(state.draft, path) ? state.draft[path] : loadText(path);
}

// ---- draft ----

function restoreDraft() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(DRAFT_KEY));
    if (saved && saved.base === state.base) {
      state.draft = saved.files || {};
      state.candidate = saved.candidate || null;
    }
  } catch {
    state.draft = {};
  }
}

function saveDraft() {
  sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ base: state.base, files: state.draft, candidate: state.candidate }));
  showDraftStatus();
}

function setDraft(path, text) {
  if (text === state.texts.get(path)) {
    delete state.draft[path];
  } else {
    state.draft[path] = text;
  }
  saveDraft();
}

function showHeader() {
  const a = state.active;
  replace(byId('active-version'), '现行版本 ',
    el('span', { class: 'mono', title: a.version, id: 'active-version-hash' }, shortHash(a.version)),
    `（${a.rules} 条规则${a.since ? `，${formatDateTime(a.since.activatedAt)} 由 ${a.since.actor} 启用` : ''}）`,
    a.twoPersonRule ? el('span', { class: 'badge warn', title: '提交版本的人不能启用自己的版本' }, '双人规则') : null);
  showDraftStatus();
  const discard = byId('discard-draft');
  discard.onclick = () => {
    if (!window.confirm('放弃全部未检查的修改？')) {
      return;
    }
    state.draft = {};
    state.docs.clear();
    saveDraft();
    if (state.editorPath) {
      openFile(state.editorPath);
    }
    renderParameters();
  };
}

function showDraftStatus() {
  const n = Object.keys(state.draft).length;
  replace(byId('draft-status'), n ? `草稿：${n} 个文件已修改（${Object.keys(state.draft).join('、')}）` : '');
  byId('discard-draft').hidden = n === 0;
}

// ---- tabs ----

function bindTabs() {
  window.addEventListener('hashchange', () => {
    const tab = location.hash.slice(1);
    if (TABS.includes(tab)) {
      showTab(tab);
    }
  });
}

function showTab(tab) {
  for (const t of TABS) {
    byId(`tab-${t}`).hidden = t !== tab;
  }
  for (const a of document.querySelectorAll('#tabs a')) {
    a.classList.toggle('active', a.dataset.tab === tab);
  }
  if (location.hash !== `#${tab}`) {
    history.replaceState(null, '', `${location.pathname}${location.search}#${tab}`);
  }
  if (tab === 'parameters') {
    renderParameters();
  } else if (tab === 'editor') {
    showEditor();
  } else if (tab === 'check') {
    renderCheckFiles();
  } else if (tab === 'simulate') {
    renderSimulateForm();
  } else if (tab === 'versions') {
    renderVersions();
  }
}

// ---- rule list ----

function renderRuleList() {
  const texts = {};
  for (const f of state.files) {
    if (isRuleFile(f.path)) {
      texts[f.path] = state.texts.get(f.path);
    }
  }
  const rules = catalogue(texts);
  const filter = byId('rule-filter');
  const draw = () => {
    const q = filter.value.trim().toLowerCase();
    const shown = rules.filter((r) => !q || [r.id, r.name, r.basis, r.file].some((x) => x.toLowerCase().includes(q)));
    replace(byId('rule-count'), `共 ${rules.length} 条规则${q ? `，显示 ${shown.length} 条` : ''}（${new Set(rules.map((r) => r.id)).size} 个编号）`);
    replace(byId('rule-list'), table([{ label: '编号' }, { label: '名称' }, { label: '依据' }, { label: '文件' }],
      shown.map((r) => el('tr', { class: 'rule', dataset: { rule: r.id } },
        el('td', { class: 'mono nowrap' }, r.id, r.part ? el('div', { class: 'muted small' }, r.part) : null),
        el('td', {}, r.name),
        el('td', { class: 'small' }, el('div', { class: 'clamp', title: r.basis }, r.basis)),
        el('td', { class: 'nowrap' }, el('a', {
          href: `#editor`,
          onclick: (event) => {
            event.preventDefault();
            openInEditor(r.file, r.line, 1);
          },
        }, `${r.file}:${r.line}`)))), { id: 'rules-table' }));
  };
  filter.addEventListener('input', draw);
  draw();
}

// ---- parameters ----

function bindParameters() {
  byId('param-target').addEventListener('change', () => {
    const isNew = byId('param-target').value === 'new';
    byId('param-new-date-label').hidden = !isNew;
    byId('param-comment-label').hidden = !isNew;
  });
  byId('param-filter').addEventListener('input', () => renderParameterTable());
  byId('param-apply').addEventListener('click', () => applyParameters());
  byId('param-valid-from').value = nextQuarterStart();
  guard(byId('param-apply'), state.user, 'editRules');
}

function nextQuarterStart() {
  const d = new Date();
  const month = Math.floor(d.getMonth() / 3) * 3 + 3;
  const year = d.getFullYear() + (month >= 12 ? 1 : 0);
  return `${year}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}

let parsedParameters = null;

async function renderParameters() {
  const text = await currentText(PARAMETERS);
  try {
    parsedParameters = parameters.parse(text);
  } catch (err) {
    replace(byId('param-table'), el('div', { class: 'message error' }, `parameters.yaml 无法解析：${err.message}；请在“规则文件”中修改。`));
    return;
  }
  const select = byId('param-target');
  fillSelect(select, [
    { value: 'new', label: '新增一个 validFrom 版本（推荐，旧期间不受影响）' },
    ...parsedParameters.versions.map((v) => ({ value: v.validFrom, label: `直接修改 validFrom ${v.validFrom} 的版本` })),
  ]);
  select.dispatchEvent(new Event('change'));
  renderParameterTable();
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function renderParameterTable() {
  if (!parsedParameters) {
    return;
  }
  const q = byId('param-filter').value.trim().toLowerCase();
  const versions = [...parsedParameters.versions].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  const rows = parameters.table(parsedParameters, today())
    .filter((p) => !q || p.name.toLowerCase().includes(q) || String(p.def.label || '').toLowerCase().includes(q));
  replace(byId('param-table'), table([
    { label: '参数' }, { label: '单位' },
    ...versions.map((v) => ({ label: `validFrom ${v.validFrom}` })),
    { label: '今日适用' }, { label: '修改为' },
  ], rows.map((p) => el('tr', { dataset: { parameter: p.name } },
    el('td', { title: p.def.source || null }, p.def.label || p.name, el('div', { class: 'muted small mono' }, p.name,
      p.def.rules ? ` · ${[].concat(p.def.rules).join(', ')}` : '')),
    el('td', { class: 'nowrap' }, p.def.unit || ''),
    p.perVersion.map((v) => el('td', { class: v === undefined ? 'muted' : 'set' }, v === undefined ? '沿用' : showValue(v))),
    el('td', { class: 'in-force' }, showValue(p.inForce)),
    el('td', {}, input(p))))));
}

function showValue(v) {
  if (v === undefined || v === null) {
    return '—';
  }
  if (typeof v === 'boolean') {
    return v ? '是' : '否';
  }
  if (typeof v === 'object') {
    const text = JSON.stringify(v);
    return el('span', { class: 'mono small', title: text }, text.length > 24 ? `${text.slice(0, 24)}…` : text);
  }
  return String(v);
}

function input(p) {
  const type = p.def.type;
  if (!parameters.SCALAR_TYPES.includes(type)) {
    return el('span', { class: 'muted small' }, '在文件中编辑');
  }
  const attrs = { class: 'param-input', dataset: { name: p.name, type } };
  if (type === 'boolean') {
    const select = el('select', attrs);
    fillSelect(select, [{ value: 'true', label: '是' }, { value: 'false', label: '否' }], { placeholder: '' });
    return select;
  }
  if (type === 'enum' && Array.isArray(p.def.values)) {
    const select = el('select', attrs);
    fillSelect(select, p.def.values.map((v) => ({ value: v, label: v })), { placeholder: '' });
    return select;
  }
  if (type === 'integer' || type === 'number') {
    return el('input', {
      ...attrs, type: 'number', step: type === 'integer' ? '1' : 'any', min: p.def.min, max: p.def.max, style: 'width: 7em',
    });
  }
  return el('input', { ...attrs, size: 14 });
}

/** Validates the inputs against their definitions; returns [{name, type, value}] or throws. */
function collectChanges(atDay) {
  const inForce = new Map(parameters.table(parsedParameters, atDay).map((p) => [p.name, p.inForce]));
  const changes = [];
  const problems = [];
  for (const field of document.querySelectorAll('#param-table .param-input')) {
    const raw = field.value.trim();
    if (raw === '') {
      continue;
    }
    const { name, type } = field.dataset;
    const def = parsedParameters.definitions[name];
    const value = parameters.typed(raw, type);
    if ((type === 'integer' && !Number.isInteger(value)) || (type === 'number' && !Number.isFinite(value))) {
      problems.push(`${def.label || name}（${name}）须为${type === 'integer' ? '整数' : '数值'}`);
      continue;
    }
    if (typeof value === 'number' && ((def.min !== undefined && value < def.min) || (def.max !== undefined && value > def.max))) {
      problems.push(`${def.label || name}（${name}）须在 ${def.min ?? '−∞'} 与 ${def.max ?? '∞'} 之间`);
      continue;
    }
    if (value !== inForce.get(name)) {
      changes.push({ name, type, value, before: inForce.get(name) });
    }
  }
  if (problems.length) {
    throw new Error(problems.join('；'));
  }
  return changes;
}

async function applyParameters() {
  const result = byId('param-result');
  const target = byId('param-target').value;
  const validFrom = target === 'new' ? byId('param-valid-from').value : target;
  try {
    if (!validFrom) {
      throw new Error('请填写新版本的生效日期');
    }
    if (target === 'new' && parsedParameters.versions.some((v) => v.validFrom === validFrom)) {
      throw new Error(`已有 validFrom 为 ${validFrom} 的版本，请选择“直接修改”该版本`);
    }
    const changes = collectChanges(validFrom);
    if (changes.length === 0) {
      throw new Error('没有改动：请在“修改为”一栏填写与现值不同的新值');
    }
    const text = await currentText(PARAMETERS);
    const changed = target === 'new'
      ? parameters.addVersion(text, validFrom, byId('param-comment').value.trim(), changes)
      : parameters.setInVersion(text, validFrom, changes);
    parameters.verify(changed, validFrom, changes);
    setDraft(PARAMETERS, changed);
    state.docs.delete(PARAMETERS);
    await renderParameters();
    replace(result, el('div', { class: 'message ok', id: 'param-applied' },
      `已写入草稿（validFrom ${validFrom}）：`,
      changes.map((c) => `${c.name} ${c.before === undefined ? '（无）' : c.before} → ${c.value}`).join('；'),
      '。 ', el('a', { href: '#check' }, '去检查'), ' · ', el('a', { href: '#editor', onclick: (e) => {
        e.preventDefault();
        openInEditor(PARAMETERS, 1, 1);
      } }, '查看文件')));
  } catch (err) {
    replace(result, el('div', { class: 'message error', role: 'alert' }, err.message));
  }
}

// ---- editor ----

function bindEditor() {
  const select = byId('editor-file');
  const paths = state.files.map((f) => f.path)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  fillSelect(select, paths.map((p) => ({ value: p, label: p })));
  select.addEventListener('change', () => openFile(select.value));
  byId('editor-revert').addEventListener('click', async () => {
    const path = state.editorPath;
    delete state.draft[path];
    state.docs.delete(path);
    saveDraft();
    await openFile(path);
  });
}

function rank(path) {
  if (path.endsWith('.drl')) {
    return 0;
  }
  if (path === PARAMETERS) {
    return 1;
  }
  return path.endsWith('.drl.csv') ? 2 : 3;
}

async function showEditor() {
  if (!state.editor) {
    state.editor = window.CodeMirror(byId('editor-host'), {
      lineNumbers: true,
      indentUnit: 4,
      tabSize: 4,
      indentWithTabs: false,
      readOnly: !can(state.user, 'editRules'),
    });
  }
  const path = state.editorPath || byId('editor-file').value;
  if (!state.docs.has(path) || state.editor.getDoc() !== state.docs.get(path)) {
    await openFile(path);
  }
  state.editor.refresh();
}

async function openFile(path) {
  if (!state.editor) {
    state.editorPath = path;
    return;
  }
  let doc = state.docs.get(path);
  if (!doc) {
    doc = window.CodeMirror.Doc(await currentText(path), modeOf(path));
    doc.on('change', () => {
      setDraft(path, doc.getValue());
      showEditorStatus(path);
    });
    state.docs.set(path, doc);
  }
  state.editorPath = path;
  byId('editor-file').value = path;
  state.editor.swapDoc(doc);
  showEditorStatus(path);
}

function showEditorStatus(path) {
  const edited = Object.prototype.hasOwnProperty.call(state.draft, path);
  replace(byId('editor-status'), edited ? el('span', { class: 'badge warn' }, '已修改（草稿）') : '与现行版本相同',
    can(state.user, 'editRules') ? '' : ' · 只读：需要规则编辑权限');
}

/** Opens a file at a line and column (1-based) and marks the line. */
async function openInEditor(path, line, column) {
  if (!state.files.some((f) => f.path === path)) {
    return;
  }
  state.editorPath = path;
  showTab('editor');
  await showEditor();
  await openFile(path);
  const cm = state.editor;
  const at = { line: Math.max(0, (line || 1) - 1), ch: Math.max(0, (column || 1) - 1) };
  for (const marked of state.marked || []) {
    cm.removeLineClass(marked, 'background', 'problem-line');
  }
  state.marked = [cm.addLineClass(at.line, 'background', 'problem-line')];
  cm.setCursor(at);
  cm.scrollIntoView(at, 120);
  cm.focus();
}

// ---- check ----

function bindCheck() {
  guard(byId('check'), state.user, 'editRules');
  byId('check-form').addEventListener('submit', (event) => {
    event.preventDefault();
    check();
  });
}

function renderCheckFiles() {
  const paths = Object.keys(state.draft);
  replace(byId('check-files'), paths.length === 0
    ? el('p', { class: 'message info' }, '尚无修改。在“参数”或“规则文件”中修改后再来检查；也可以在“模拟”或“版本与审批”中查看已提交的版本。')
    : el('ul', { class: 'file-list', id: 'draft-files' }, paths.map((p) => el('li', {},
      el('span', { class: 'badge warn' }, '已修改'), ' ', el('span', { class: 'mono' }, p), ' ',
      el('button', { type: 'button', class: 'link', onclick: () => openInEditor(p, 1, 1) }, '查看')))));
  if (state.candidate) {
    showCandidateHint();
  }
}

function showCandidateHint() {
  if (!byId('check-result').firstChild && state.candidate) {
    replace(byId('check-result'), el('p', { class: 'muted' }, '上次检查保存的版本 ',
      el('span', { class: 'mono' }, shortHash(state.candidate.version)), `（${label(VERSION_STATUS_LABELS, state.candidate.status)}）`));
  }
}

async function check() {
  const paths = Object.keys(state.draft);
  const out = byId('check-result');
  if (paths.length === 0) {
    replace(out, el('div', { class: 'message error' }, '尚无修改，无需检查'));
    return;
  }
  const button = byId('check');
  button.disabled = true;
  replace(out, el('div', { class: 'message info' }, '正在检查：编译规则并运行全部场景测试，约需十秒……'));
  const comment = byId('check-comment').value.trim() || `通过控制台修改 ${paths.join('、')}`;
  try {
    const stored = await api.post('/api/v1/rulesets', { comment, basedOn: state.base, files: state.draft });
    state.candidate = { version: stored.version, status: stored.status };
    saveDraft();
    replace(out,
      el('div', { class: 'message ok', id: 'check-passed', dataset: { version: stored.version } },
        el('div', { class: 'title' }, `检查通过：已保存为候选版本 ${shortHash(stored.version)}`),
        `运行场景测试 ${stored.checks.scenariosRun} 个，全部通过。${stored.result === 'ALREADY_STORED' ? '（该版本此前已提交过）' : ''}待审批人启用。`),
      unusedParameters(stored.checks),
      nextSteps(stored.version),
      el('h3', {}, '与现行版本的差异'), diffList(stored.diff));
  } catch (err) {
    if (err.is && err.is('invalid-rules') && err.body && err.body.version) {
      const status = err.body.versionStatus;
      state.candidate = { version: err.body.version, status };
      saveDraft();
      replace(out,
        el('div', { class: `message ${status === 'SCENARIO_FAILURES' ? 'warn' : 'error'}`, id: 'check-failed', dataset: { version: err.body.version, status } },
          el('div', { class: 'title' }, `${label(VERSION_STATUS_LABELS, status)}：共 ${err.errors.length} 个问题`),
          status === 'SCENARIO_FAILURES'
            ? `版本 ${shortHash(err.body.version)} 已保存。只有场景测试未通过：如结论变化正是本次修改的目的，请先模拟核对，审批人可写明理由后强制启用；否则请修改后重新检查。`
            : `版本 ${shortHash(err.body.version)} 已留档备查，不能启用。请按下列位置修改后重新检查；现行版本不受影响。`),
        problemTable(err.errors),
        status === 'SCENARIO_FAILURES' ? nextSteps(err.body.version) : null);
    } else {
      replace(out, errorMessage(err, '检查未能完成'), err.errors.length ? problemTable(err.errors) : null);
    }
  } finally {
    button.disabled = !can(state.user, 'editRules');
    await loadVersions();
  }
}

function unusedParameters(checks) {
  const unused = checks.unusedParameters || [];
  return unused.length ? el('div', { class: 'message warn' }, `提示：以下参数没有规则读取：${unused.join('、')}`) : null;
}

function nextSteps(version) {
  return el('div', { class: 'form-line' },
    el('button', { type: 'button', class: 'primary', id: 'go-simulate', onclick: () => {
      state.simulateVersion = version;
      showTab('simulate');
    } }, '模拟该版本'),
    el('button', { type: 'button', id: 'go-approve', onclick: () => {
      state.selected = version;
      showTab('versions');
    } }, '查看版本与审批'));
}

/** Problems located by file, line and column; a rule file's problem jumps to its line in the editor. */
function problemTable(problems) {
  return table([{ label: '位置' }, { label: '代码' }, { label: '规则' }, { label: '说明' }],
    problems.map((p) => {
      const where = p.file ? `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}` : '—';
      const jumpable = p.file && state.files.some((f) => f.path === p.file);
      return el('tr', { class: 'problem', dataset: { file: p.file || '', line: p.line || '', code: p.code || '' } },
        el('td', { class: 'mono small where' }, jumpable ? el('a', {
          href: '#editor',
          class: 'jump',
          onclick: (event) => {
            event.preventDefault();
            openInEditor(p.file, p.line, p.column);
          },
        }, where) : where),
        el('td', { class: 'mono small' }, p.code || ''),
        el('td', { class: 'mono small nowrap' }, p.ruleId || ''),
        el('td', { class: 'small problem-message' }, p.message));
    }), { id: 'problems' });
}

// ---- simulate ----

let storedPeriods = null;

function bindSimulate() {
  guard(byId('simulate'), state.user, 'simulate');
  byId('simulate-form').addEventListener('submit', (event) => {
    event.preventDefault();
    simulate();
  });
}

async function renderSimulateForm() {
  const usable = state.versions.filter((v) => v.version.status !== 'FAILED');
  const wanted = state.simulateVersion || (state.candidate && state.candidate.version) || state.selected;
  fillSelect(byId('simulate-version'), usable.map((v) => ({
    value: v.version.version,
    label: `${shortHash(v.version.version)} · ${label(RULESET_STATE_LABELS, v.state)} · ${v.version.comment || ''}`.slice(0, 90),
  })), { value: wanted || undefined });
  if (!storedPeriods) {
    storedPeriods = (await api.get('/api/v1/periods', { size: 500 })).content;
    replace(byId('simulate-periods'), el('span', { class: 'muted' }, '期间'),
      storedPeriods.length === 0 ? el('span', { class: 'muted' }, '尚未上传任何期间')
        : [...storedPeriods].reverse().map((p) => el('label', {},
          el('input', { type: 'checkbox', name: 'period', value: p.period, checked: true }), ` ${formatPeriod(p.period)}`)));
  }
}

async function simulate() {
  const version = byId('simulate-version').value;
  const periods = [...document.querySelectorAll('#simulate-periods input[name=period]:checked')].map((i) => i.value);
  const out = byId('simulate-result');
  if (!version || periods.length === 0) {
    replace(out, el('div', { class: 'message error' }, '请选择候选版本和至少一个期间'));
    return;
  }
  const button = byId('simulate');
  button.disabled = true;
  replace(out, el('div', { class: 'message info' }, `正在模拟 ${periods.length} 个期间……`));
  try {
    const report = await api.post(`/api/v1/rulesets/${encodeURIComponent(version)}/simulate`, { periods });
    replace(out, simulationReport(report), el('div', { class: 'form-line' },
      el('button', { type: 'button', id: 'simulate-approve', onclick: () => {
        state.selected = version;
        showTab('versions');
      } }, '去审批该版本')));
  } catch (err) {
    replace(out, errorMessage(err, '模拟失败'));
  } finally {
    button.disabled = !can(state.user, 'simulate');
  }
}

// ---- versions, approval, rollback ----

function bindVersions() {
  guard(byId('rollback'), state.user, 'activateRules');
  byId('rollback-form').addEventListener('submit', (event) => {
    event.preventDefault();
    rollback();
  });
}

async function loadVersions() {
  state.versions = (await api.get('/api/v1/rulesets', { size: 100 })).content;
}

async function renderVersions() {
  await loadVersions();
  replace(byId('version-list'), table([
    { label: '版本' }, { label: '状态' }, { label: '检查' }, { label: '提交人' }, { label: '时间' }, { label: '说明' },
  ], state.versions.map((s) => el('tr', {
    class: `clickable version${s.version.version === state.selected ? ' selected' : ''}`,
    dataset: { version: s.version.version, state: s.state },
    onclick: () => {
      state.selected = s.version.version;
      renderVersions();
    },
  },
  el('td', { class: 'mono' }, shortHash(s.version.version)),
  el('td', {}, el('span', { class: `badge state-${s.state}` }, label(RULESET_STATE_LABELS, s.state))),
  el('td', { class: 'small nowrap' }, label(VERSION_STATUS_LABELS, s.version.status), s.problemCount ? `（${s.problemCount}）` : ''),
  el('td', { class: 'nowrap' }, s.version.author),
  el('td', { class: 'nowrap small' }, formatDateTime(s.version.createdAt)),
  el('td', { class: 'small' }, el('div', { class: 'clamp', title: s.version.comment || '' }, s.version.comment || '')))),
  { id: 'versions-table' }));
  await Promise.all([renderActivationLog(), state.selected ? showVersion(state.selected) : null]);
}

async function renderActivationLog() {
  const log = await api.get('/api/v1/rulesets/activations', { size: 20 });
  replace(byId('activation-log'), log.content.length === 0 ? el('p', { class: 'muted' }, '无') : el('ul', { class: 'activation-log', id: 'activations' },
    log.content.map((a) => el('li', { dataset: { seq: a.seq, action: a.action } },
      el('div', {}, el('span', { class: `badge ${a.action === 'ROLLBACK' ? 'warn' : 'ok'}` }, a.action === 'ROLLBACK' ? '回滚' : '启用'), ' ',
        el('span', { class: 'mono', title: a.version }, shortHash(a.version)),
        a.previousVersion ? el('span', { class: 'muted small' }, `（原 ${shortHash(a.previousVersion)}）`) : null,
        a.forced ? el('span', { class: 'badge danger' }, '强制') : null),
      el('div', { class: 'muted small' }, `${formatDateTime(a.activatedAt)} · ${a.actor}`,
        a.effectiveFrom ? ` · ${a.effectiveFrom} 起的期间` : ' · 全部期间'),
      el('div', { class: 'small' }, api.chinese(a.reason))))));
}

async function showVersion(version) {
  const container = byId('version-detail');
  let d;
  try {
    d = await api.get(`/api/v1/rulesets/${encodeURIComponent(version)}`);
  } catch (err) {
    replace(container, errorMessage(err, '无法显示该版本'));
    return;
  }
  const v = d.version;
  const diffAgainst = el('select', { id: 'diff-against' });
  fillSelect(diffAgainst, [
    ...(v.parentVersion ? [{ value: '', label: `上一版本 ${shortHash(v.parentVersion)}` }] : []),
    { value: 'active', label: '现行版本' },
    ...state.versions.filter((s) => s.version.version !== v.version && s.version.version !== v.parentVersion)
      .map((s) => ({ value: s.version.version, label: `${shortHash(s.version.version)} ${label(RULESET_STATE_LABELS, s.state)}` })),
  ]);
  const diffHost = el('div', { id: 'version-diff' }, diffList(d.diff));
  diffAgainst.addEventListener('change', async () => {
    const diff = await api.get(`/api/v1/rulesets/${encodeURIComponent(v.version)}/diff`, { against: diffAgainst.value });
    replace(diffHost, diffList(diff.files));
  });
  replace(container,
    el('h2', {}, '版本 ', el('span', { class: 'mono', title: v.version }, shortHash(v.version)), ' ',
      el('span', { class: `badge state-${d.state}`, id: 'version-state' }, label(RULESET_STATE_LABELS, d.state))),
    el('div', { class: 'muted small' }, `${v.author} 于 ${formatDateTime(v.createdAt)} 提交 · ${v.ruleCount} 条规则 · ${v.fileCount} 个文件 · `,
      label(VERSION_STATUS_LABELS, v.status), `（场景测试 ${d.checks.scenariosRun} 个，未通过 ${d.checks.scenariosFailed} 个）`),
    v.comment ? el('div', { class: 'reason' }, v.comment) : null,
    d.checks.problems.length ? [el('h3', {}, `检查发现的问题（${d.checks.problems.length}）`), problemTable(d.checks.problems)] : null,
    approval(d),
    el('div', { class: 'form-line' }, el('h3', { style: 'margin: 0' }, '文件差异'), diffAgainst,
      el('button', { type: 'button', onclick: () => {
        state.simulateVersion = v.version;
        showTab('simulate');
      } }, '模拟该版本')),
    diffHost);
}

/** The activation form, for a version that can go live. */
function approval(d) {
  const v = d.version;
  if (v.status === 'FAILED') {
    return el('div', { class: 'message error' }, '该版本未通过检查，仅留档备查，不能启用。');
  }
  if (d.state === 'ACTIVE') {
    return el('div', { class: 'message ok' }, '该版本为现行版本。');
  }
  const forceNeeded = v.status === 'SCENARIO_FAILURES';
  const reason = el('input', { id: 'activate-reason', size: 44, placeholder: '启用理由（必填），如 经局务会审议通过' });
  const effectiveFrom = el('input', { type: 'date', id: 'activate-effective-from' });
  const force = el('input', { type: 'checkbox', id: 'activate-force' });
  const button = guard(el('button', { type: 'submit', class: 'primary', id: 'activate' }, '启用'), state.user, 'activateRules');
  const result = el('div', { id: 'activate-result' });
  const form = el('form', { id: 'activate-form', autocomplete: 'off', class: 'approval' },
    el('h3', {}, '审批启用'),
    forceNeeded ? el('div', { class: 'message warn' }, '该版本只有场景测试未通过。若结论变化正是本次修改的目的（请先模拟核对），可勾选强制启用并写明理由；强制启用将记入启用记录。') : null,
    el('div', { class: 'form-line' }, el('label', {}, el('span', {}, '理由'), reason)),
    el('div', { class: 'form-line' },
      el('label', { title: '留空则用于所有期间' }, el('span', {}, '生效日期（可选）'), effectiveFrom),
      forceNeeded ? el('label', {}, force, ' 强制启用（场景测试未通过）') : null,
      button),
    can(state.user, 'activateRules') ? null : el('p', { class: 'muted small' }, '启用和回滚须由审批人进行；请审批人登录后在此页审批。'),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!reason.value.trim()) {
      replace(result, el('div', { class: 'message error' }, '请填写启用理由'));
      return;
    }
    if (forceNeeded && !force.checked) {
      replace(result, el('div', { class: 'message error' }, '该版本场景测试未通过，须勾选“强制启用”并写明理由'));
      return;
    }
    button.disabled = true;
    replace(result, el('div', { class: 'message info' }, '正在编译并试算，确认无误后切换……'));
    try {
      const body = { reason: reason.value.trim() };
      if (effectiveFrom.value) {
        body.effectiveFrom = effectiveFrom.value;
      }
      if (forceNeeded) {
        body.force = true;
      }
      const done = await api.post(`/api/v1/rulesets/${encodeURIComponent(v.version)}/activate`, body);
      if (state.candidate && state.candidate.version === v.version) {
        // the draft is what went live: nothing is left to check
        state.draft = {};
        state.candidate = null;
        state.docs.clear();
        saveDraft();
      }
      state.active = await api.get('/api/v1/rulesets/active');
      showHeader();
      await renderVersions();
      byId('version-detail').prepend(el('div', { class: 'message ok', id: 'activated' },
        `已启用版本 ${shortHash(done.activation.version)}${done.activation.effectiveFrom ? `，用于 ${done.activation.effectiveFrom} 起的期间` : '，用于全部期间'}。`,
        '现行版本 ', el('span', { class: 'mono' }, shortHash(done.versionInForce)), '。刷新页面后可在新版本上继续修改。'));
    } catch (err) {
      replace(result, errorMessage(err, '启用失败'));
      button.disabled = !can(state.user, 'activateRules');
    }
  });
  return form;
}

async function rollback() {
  const reason = byId('rollback-reason').value.trim();
  const out = byId('rollback-result');
  if (!reason) {
    replace(out, el('div', { class: 'message error' }, '请填写回滚理由'));
    return;
  }
  if (!window.confirm('撤销最近一次启用？')) {
    return;
  }
  try {
    const done = await api.post('/api/v1/rulesets/rollback', { reason });
    state.active = await api.get('/api/v1/rulesets/active');
    showHeader();
    await renderVersions();
    replace(out, el('div', { class: 'message ok', id: 'rolled-back' }, '已回滚，现行版本 ', el('span', { class: 'mono' }, shortHash(done.versionInForce))));
  } catch (err) {
    replace(out, errorMessage(err, '回滚失败'));
  }
}
