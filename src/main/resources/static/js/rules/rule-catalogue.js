// The rules of a ruleset version read from its files, as policy staff think of them: ID, name, basis,
// file and line. DRL rules carry @id, @part, @basis and @clause; a spreadsheet decision table
// (*.drl.csv) names its rule IDs in its notes, so it is listed per file.

/** Every rule of the DRL text: {id, part, name, basis, clause, file, line}. */
export function rulesOfDrl(file, text) {
  const lines = text.split('\n');
  const rules = [];
  let current = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const start = /^\s*rule\s+"((?:[^"\\]|\\.)*)"/.exec(line);
    if (start) {
      current = { id: '', part: '', name: start[1], basis: '', clause: '', file, line: i + 1 };
      rules.push(current);
      continue;
    }
    if (!current) {
      continue;
    }
    if (/^\s*when\b/.test(line)) {
      current = null; // annotations come before "when"
      continue;
    }
    const annotation = /^\s*@(id|part|basis|clause)\s*\(\s*"((?:[^"\\]|\\.)*)"\s*\)/.exec(line);
    if (annotation) {
      current[annotation[1]] = annotation[2];
    }
  }
  return rules;
}

/** The rule IDs a decision table mentions, as one row per file. */
export function rulesOfDecisionTable(file, text) {
  const ids = [...new Set(text.match(/R-[A-Z]+-\d+/g) || [])];
  return ids.map((id) => ({ id, part: '', name: '（决策表）', basis: '', clause: '', file, line: 1 }));
}

/** Whether a path is a rule file (read for the list). */
export function isRuleFile(path) {
  return path.endsWith('.drl') || path.endsWith('.drl.csv');
}

/** The rules of all files {path: text}, sorted by ID. */
export function catalogue(files) {
  const rules = [];
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith('.drl')) {
      rules.push(...rulesOfDrl(path, text));
    } else if (path.endsWith('.drl.csv')) {
      rules.push(...rulesOfDecisionTable(path, text));
    }
  }
  return rules.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }) || a.line - b.line);
}
