// Syntax highlighting of Drools rule files (DRL, MVEL dialect) for CodeMirror 5, through its
// simple-mode addon: strings, comments, @annotations, keywords, $bindings, numbers, types.
// CodeMirror is a classic script loaded by rules.html before this module (window.CodeMirror).

const CodeMirror = window.CodeMirror;

const KEYWORDS = ['rule', 'when', 'then', 'end', 'package', 'import', 'function', 'global', 'dialect', 'query',
  'declare', 'salience', 'no-loop', 'lock-on-active', 'agenda-group', 'ruleflow-group', 'activation-group',
  'date-effective', 'date-expires', 'enabled', 'duration', 'timer', 'attributes', 'extends'];

const OPERATORS = ['not', 'exists', 'forall', 'from', 'collect', 'accumulate', 'and', 'or', 'eval', 'over', 'entry-point',
  'matches', 'memberOf', 'contains', 'soundslike', 'in', 'this', 'new', 'return', 'if', 'else', 'for', 'modify', 'insert',
  'update', 'retract', 'delete'];

const words = (list) => new RegExp(`(?:${list.map((w) => w.replace(/-/g, '\\-')).join('|')})(?![\\w-])`);

let defined = false;

/** Defines the "drl" mode once. */
export function defineDrlMode() {
  if (defined) {
    return;
  }
  defined = true;
  CodeMirror.defineSimpleMode('drl', {
    start: [
      { regex: /"(?:[^\\"]|\\.)*?(?:"|$)/, token: 'string' },
      { regex: /\/\/.*/, token: 'comment' },
      { regex: /#.*/, token: 'comment' },
      { regex: /\/\*/, token: 'comment', next: 'comment' },
      { regex: /@[A-Za-z_]\w*/, token: 'meta' },
      { regex: words(KEYWORDS), token: 'keyword' },
      { regex: words(OPERATORS), token: 'builtin' },
      { regex: /(?:true|false|null)\b/, token: 'atom' },
      { regex: /\$[A-Za-z_]\w*/, token: 'variable-2' },
      { regex: /-?\d+(?:\.\d+)?[LlDdFf]?\b/, token: 'number' },
      { regex: /[A-Z][A-Za-z0-9_]*/, token: 'variable-3' },
      { regex: /[-+/*%=<>!&|:]+/, token: 'operator' },
      { regex: /[A-Za-z_]\w*/, token: 'variable' },
    ],
    comment: [
      { regex: /.*?\*\//, token: 'comment', next: 'start' },
      { regex: /.*/, token: 'comment' },
    ],
    meta: { lineComment: '//', blockCommentStart: '/*', blockCommentEnd: '*/' },
  });
}

/** The CodeMirror mode of a rule file by its name. */
export function modeOf(path) {
  if (path.endsWith('.drl')) {
    return 'drl';
  }
  if (path.endsWith('.yaml') || path.endsWith('.yml')) {
    return 'yaml';
  }
  return null; // CSV decision tables, notes: plain text
}
