// A unified diff (as FileDiff.unifiedDiff gives it) shown line by line: additions green, removals red,
// hunk headers blue — what an approver reads before activating.

import { el } from '../dom.js';

/** One file's diff as a block: header with the change and line counts, then the coloured lines. */
export function fileDiff(d) {
  const change = { ADDED: '新增', REMOVED: '删除', MODIFIED: '修改' }[d.change] || d.change;
  return el('div', { class: 'file-diff', dataset: { path: d.path } },
    el('div', { class: 'file-diff-head' }, el('strong', { class: 'mono' }, d.path), ' ',
      el('span', { class: 'badge' }, change),
      d.binary ? el('span', { class: 'muted small' }, ' 二进制文件，仅比较哈希')
        : el('span', { class: 'small' }, ' ', el('span', { class: 'plus' }, `+${d.linesAdded}`), ' ',
          el('span', { class: 'minus' }, `−${d.linesRemoved}`))),
    el('pre', { class: 'diff' }, (d.unifiedDiff || '').split('\n').filter((l, i, all) => i < all.length - 1 || l)
      .map((line) => el('span', { class: lineClass(line) }, `${line}\n`))));
}

function lineClass(line) {
  if (line.startsWith('+++') || line.startsWith('---')) {
    return 'meta';
  }
  if (line.startsWith('@@')) {
    return 'hunk';
  }
  if (line.startsWith('+')) {
    return 'add';
  }
  if (line.startsWith('-')) {
    return 'del';
  }
  return null;
}

/** Every file of a diff, or a note when nothing differs. */
export function diffList(files) {
  if (!files || files.length === 0) {
    return el('p', { class: 'muted' }, '两个版本的文件完全相同');
  }
  return el('div', { class: 'diffs' }, files.map(fileDiff));
}
