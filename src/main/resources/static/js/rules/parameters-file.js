// rules/parameters.yaml read and changed as text. The file is the policy staff's: its comments,
// order and layout are theirs, so a change made in the form touches only the lines it must — one
// value line in an existing validFrom entry, or a new entry appended at the end — and the result is
// parsed again to prove it says what the form meant.

import { load, CORE_SCHEMA } from '/webjars/js-yaml/dist/js-yaml.mjs';

/** Types the form edits in place; the others (ladders, lists, tiers …) are edited in the file itself. */
export const SCALAR_TYPES = ['integer', 'number', 'boolean', 'string', 'enum', 'checklist_profile'];

/**
 * The file parsed: {definitions: {name: {type, label, unit, min, max, values, rules}}, versions:
 * [{validFrom, comment, values}]} with validFrom kept as text (CORE_SCHEMA: no date objects).
 */
export function parse(text) {
  const doc = load(text, { schema: CORE_SCHEMA }) || {};
  return {
    definitions: doc.definitions || {},
    versions: (doc.versions || []).map((v) => ({
      validFrom: String(v.validFrom),
      comment: v.comment || '',
      values: v.values || {},
    })),
  };
}

/**
 * Every parameter with, per version, the value that version sets (or undefined), the value in force on
 * {@code day} and the validFrom that set it.
 */
export function table(parsed, day) {
  const versions = [...parsed.versions].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  return Object.entries(parsed.definitions).map(([name, def]) => {
    let inForce;
    let setIn = null;
    for (const v of versions) {
      if (v.validFrom <= day && Object.prototype.hasOwnProperty.call(v.values, name)) {
        inForce = v.values[name];
        setIn = v.validFrom;
      }
    }
    return {
      name,
      def,
      perVersion: versions.map((v) => v.values[name]),
      inForce,
      setIn,
    };
  });
}

/** A scalar written as YAML: numbers and booleans bare, plain words bare, anything else double-quoted. */
export function yamlScalar(value, type) {
  if (type === 'integer' || type === 'number') {
    return String(Number(value));
  }
  if (type === 'boolean') {
    return value === true || value === 'true' ? 'true' : 'false';
  }
  const text = String(value);
  const plain = /^[A-Za-z_\u3400-\u9fff][\w\u3400-\u9fff.-]*$/.test(text)
    && !/^(true|false|null|yes|no|on|off|~)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

/** The value as the input gives it, converted to the parameter's type (for comparing and checking). */
export function typed(raw, type) {
  if (type === 'integer' || type === 'number') {
    return raw === '' ? NaN : Number(raw);
  }
  if (type === 'boolean') {
    return raw === true || raw === 'true';
  }
  return String(raw);
}

const ENTRY = /^(\s*)-\s+validFrom:\s*["']?([0-9-]+)["']?\s*(#.*)?$/;

/** Line ranges of the versions: entries {validFrom, start, end, dashIndent}. */
function entries(lines) {
  const at = lines.findIndex((l) => /^versions:\s*(#.*)?$/.test(l));
  if (at < 0) {
    throw new Error('parameters.yaml 中没有 versions: 段');
  }
  const found = [];
  for (let i = at + 1; i < lines.length; i++) {
    if (/^\S/.test(lines[i]) && !lines[i].startsWith('#')) {
      break; // the next top-level key
    }
    const m = ENTRY.exec(lines[i]);
    if (m) {
      if (found.length) {
        found[found.length - 1].end = i;
      }
      found.push({ validFrom: m[2], start: i, end: lines.length, dashIndent: m[1].length });
    }
  }
  return found;
}

/**
 * Sets parameters in an existing validFrom entry, line by line: an existing value line keeps its
 * trailing comment; a parameter the entry does not set yet is added right under "values:".
 *
 * @param changes [{name, type, value}]
 */
export function setInVersion(text, validFrom, changes) {
  const lines = text.split('\n');
  const entry = entries(lines).find((e) => e.validFrom === validFrom);
  if (!entry) {
    throw new Error(`没有 validFrom 为 ${validFrom} 的参数版本`);
  }
  let valuesAt = -1;
  for (let i = entry.start + 1; i < entry.end; i++) {
    if (/^\s+values:\s*(#.*)?$/.test(lines[i])) {
      valuesAt = i;
      break;
    }
  }
  if (valuesAt < 0) {
    throw new Error(`validFrom ${validFrom} 的版本没有 values:`);
  }
  const valuesIndent = /^(\s*)/.exec(lines[valuesAt])[1].length;
  let childIndent = valuesIndent + 2;
  for (let i = valuesAt + 1; i < entry.end; i++) {
    if (lines[i].trim() && !lines[i].trim().startsWith('#')) {
      childIndent = /^(\s*)/.exec(lines[i])[1].length;
      break;
    }
  }
  const pad = ' '.repeat(childIndent);
  for (const change of changes) {
    const scalar = yamlScalar(change.value, change.type);
    const pattern = new RegExp(`^${pad}${change.name}:(\\s*)(.*)$`);
    let done = false;
    for (let i = valuesAt + 1; i < entry.end; i++) {
      const m = pattern.exec(lines[i]);
      if (m) {
        const comment = /\s+#.*$/.exec(m[2]);
        lines[i] = `${pad}${change.name}: ${scalar}${comment ? comment[0] : ''}`;
        done = true;
        break;
      }
    }
    if (!done) {
      lines.splice(valuesAt + 1, 0, `${pad}${change.name}: ${scalar}`);
      entry.end += 1;
    }
  }
  return lines.join('\n');
}

/** Appends a new validFrom entry with the changed parameters only (the others carry on). */
export function addVersion(text, validFrom, comment, changes) {
  const lines = text.split('\n');
  const found = entries(lines);
  const dash = found.length ? found[found.length - 1].dashIndent : 2;
  const key = ' '.repeat(dash + 2);
  const child = ' '.repeat(dash + 4);
  const block = [
    `${' '.repeat(dash)}- validFrom: ${validFrom}`,
    `${key}comment: ${yamlScalar(comment || '通过控制台修改参数', 'string')}`,
    `${key}values:`,
    ...changes.map((c) => `${child}${c.name}: ${yamlScalar(c.value, c.type)}`),
  ];
  let body = text;
  if (!body.endsWith('\n')) {
    body += '\n';
  }
  return body + block.join('\n') + '\n';
}

/**
 * Proves the changed text says what was meant: it parses, and each changed parameter has the new
 * value in the entry it was written to. Throws with a message otherwise.
 */
export function verify(text, validFrom, changes) {
  const parsed = parse(text);
  const entry = parsed.versions.find((v) => v.validFrom === validFrom);
  for (const c of changes) {
    const got = entry ? entry.values[c.name] : undefined;
    if (got !== typed(c.value, c.type)) {
      throw new Error(`写入后读回 ${c.name} 为 ${JSON.stringify(got)}，与 ${JSON.stringify(c.value)} 不符`);
    }
  }
  return parsed;
}
