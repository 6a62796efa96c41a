// The rules of a ruleset version read from its files, as policy staff think of them: ID, name, basis,
// file and line. DRL rules carry @id, @part, @basis and @clause; a spreadsheet decision table
// (*.drl.csv) has one row per rule: name, ID, part, basis.

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

/** The rows of a decision table whose second column is a rule ID: one rule each (name, ID, part, basis). */
export function rulesOfDecisionTable(file, text) {
  const rules = [];
  text.split('\n').forEach((line, i) => {
    const cells = csvCells(line);
    if (cells.length > 3 && /^R-[A-Z]+-\d+$/.test(cells[1])) {
      rules.push({ id: cells[1], part: cells[2], name: cells[0], basis: cells[3], clause: cells[4] || '', file, line: i + 1 });
    }
  });
  return rules;
}

/** The cells of one CSV line (quotes with doubled quotes inside). */
function csvCells(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell.replace(/\r$/, ''));
  return cells;
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
