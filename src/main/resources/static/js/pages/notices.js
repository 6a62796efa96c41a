// 通报: the notice of a run as DOCX, PDF or HTML (GET /api/v1/evaluations/{runId}/notice?format=&date=).
// Files are fetched through the API client (so the sign-in token is sent, which a bare link cannot do)
// and handed to the browser as a download; the HTML is shown in a sandboxed frame.

import * as api from '../api.js';
import { runPage, errorMessage } from '../shell.js';
import { el, byId, replace, fillSelect, queryParams, setQueryParams, formatPeriod, formatDateTime } from '../dom.js';

const FALLBACK_NAMES = { docx: '通报.docx', pdf: '通报.pdf', html: '通报.html' };

let previewUrl = null;

runPage('notices', async () => {
  const runs = await api.get('/api/v1/evaluations', { size: 100 });
  const select = byId('notice-run');
  if (runs.total === 0) {
    fillSelect(select, [], { placeholder: '尚无评估记录' });
  } else {
    fillSelect(select, runs.content.map((r) => ({
      value: r.runId,
      label: `${formatPeriod(r.period)} 第${r.runNumber}次评估（${r.outcomeCount} 条，${formatDateTime(r.createdAt)}）`,
    })), { value: queryParams().get('run') || undefined });
  }
  const d = new Date();
  byId('notice-date').value = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  select.addEventListener('change', () => setQueryParams({ run: select.value }));
  for (const id of ['download-docx', 'download-pdf']) {
    byId(id).addEventListener('click', (event) => download(event.currentTarget));
  }
  byId('preview-html').addEventListener('click', () => preview());
});

function query() {
  return { format: null, date: byId('notice-date').value };
}

async function download(button) {
  const run = byId('notice-run').value;
  const out = byId('notice-result');
  if (!run) {
    replace(out, el('div', { class: 'message error' }, '请先选择一次评估'));
    return;
  }
  const format = button.dataset.format;
  button.disabled = true;
  replace(out, el('div', { class: 'message info' }, '正在生成通报……'));
  try {
    const name = await api.download(`/api/v1/evaluations/${encodeURIComponent(run)}/notice`, { ...query(), format },
      FALLBACK_NAMES[format]);
    replace(out, el('div', { class: 'message ok', id: 'notice-downloaded', dataset: { format, file: name } }, `已下载 ${name}`));
  } catch (err) {
    replace(out, errorMessage(err, '通报生成失败'));
  } finally {
    button.disabled = false;
  }
}

async function preview() {
  const run = byId('notice-run').value;
  if (!run) {
    replace(byId('notice-result'), el('div', { class: 'message error' }, '请先选择一次评估'));
    return;
  }
  try {
    const { blob } = await api.request(`/api/v1/evaluations/${encodeURIComponent(run)}/notice`,
      { query: { ...query(), format: 'html' }, as: 'blob', headers: { Accept: 'text/html' } });
    if (previewUrl) {
      URL.revokeObjectURL(previewUrl);
    }
    previewUrl = URL.createObjectURL(blob);
    byId('notice-preview').src = previewUrl;
    byId('notice-preview').classList.add('shown');
    byId('notice-preview-empty').hidden = true;
  } catch (err) {
    replace(byId('notice-result'), errorMessage(err, '预览失败'));
  }
}
