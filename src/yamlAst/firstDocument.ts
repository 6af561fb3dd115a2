// Where the docker CLI's YAML reader (go-yaml v3) stops: after the first document's root node. That is
// at a `---` or `...` line, after a flow root's closing bracket, or — a trap — at the first line
// indented less than a root that does not start in column 0; whatever follows is ignored, except that
// the reader scans a token or two ahead and fails on what it cannot scan there (measured with CLI
// 28.2.2: a tab starting a line, `@`, a bad escape or an unclosed quote, an empty anchor).

export interface FirstDocument {
  /** Offset where the first document's content ends; the text before it is all the CLI reads. */
  readonly end: number;
  /** What ends it: a document marker, the root's closing bracket, or a less-indented line. */
  readonly why: 'marker' | 'flow' | 'dedent';
  /** A scan error the reader hits just past `end`, if any. */
  readonly lookahead?: { readonly at: number; readonly message: string };
}

const BLANK = /^[ \t]*(?:#.*)?$/;
/** A key and its `:` on the rest of a line (plain or quoted). */
const KEY_HERE = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[{][^#]*?)[ \t]*:(?:[ \t]|\r?$)/;
const MARKER = /^(?:---|\.\.\.)(?=[ \t]|$)/;

/** The offset just past the bracket that closes the flow collection opening at `start`, quotes respected. */
function flowEnd(text: string, start: number): number | undefined {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (c === '"' && text[i] === '\\') i++;
      continue;
    }
    if (c === '#' && /\s/.test(text[i - 1] ?? '')) { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth === 0) return i + 1;
  }
  return undefined;
}

/** go-yaml's scan of the next token at `at`: its error, how many tokens it queues (0: enough), where it ends. */
function scanToken(text: string, at: number): { error?: string; tokens: number; next: number } {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const c = text[at];
  const cannot = { error: 'found character that cannot start any token', tokens: 0, next: at };
  if (c === '\t' && /^ *$/.test(text.slice(lineStart, at))) return cannot;
  if (c === '@' || c === '`') return cannot;
  if (at === lineStart && MARKER.test(text.slice(at, at + 4))) return { tokens: 1, next: at + 3 };
  // A block entry or key opens a collection: two tokens (start and indicator).
  if ((c === '-' || c === '?') && /[\s]/.test(text[at + 1] ?? ' ')) return { tokens: 2, next: at + 1 };
  if (c === '[' || c === '{') return { tokens: 1, next: at + 1 };
  if (c === '&' || c === '*') {
    return /^[^\s,[\]{}]/.test(text.slice(at + 1, at + 2)) ? { tokens: 0, next: at } : { error: 'did not find expected alphabetic or numeric character', tokens: 0, next: at };
  }
  if (c === '"' || c === "'") {
    for (let i = at + 1; i < text.length; i++) {
      if (text[i] === c) { if (c === "'" && text[i + 1] === "'") { i++; continue; } return { tokens: 0, next: i + 1 }; }
      if (c === '"' && text[i] === '\\') {
        if (!/^(?:[0abtnvfre "/\\N_LP\t\n\r]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/.test(text.slice(i + 1, i + 10))) return { error: 'found unknown escape character', tokens: 0, next: i };
        i++;
      }
    }
    return { error: 'found unexpected end of stream', tokens: 0, next: text.length };
  }
  return { tokens: 0, next: at };
}

/** The reader keeps three tokens queued past the document's end: it scans until it has them. */
function lookahead(text: string, from: number, queued: number): FirstDocument['lookahead'] {
  let at = from;
  for (let tokens = queued; tokens < 3;) {
    // Skip blanks, line breaks and comments (a tab starting a line is left for scanToken).
    while (at < text.length) {
      const ch = text[at];
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      if (ch === ' ' || ch === '\n' || ch === '\r' || (ch === '\t' && !/^ *$/.test(text.slice(lineStart, at)))) at++;
      else if (ch === '#') { while (at < text.length && text[at] !== '\n') at++; }
      else break;
    }
    if (at >= text.length) return undefined;
    // Right after a document marker, on its line, no simple key is allowed: `--- a: 1` fails.
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (tokens > 0 && MARKER.test(text.slice(lineStart, lineStart + 4)) && KEY_HERE.test(text.slice(at, text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at)))) {
      return { at, message: 'mapping values are not allowed in this context' };
    }
    const t = scanToken(text, at);
    if (t.error) return { at, message: t.error };
    if (t.tokens === 0) return undefined;
    tokens += t.tokens;
    at = t.next;
  }
  return undefined;
}

/** The first document's extent as the CLI reads it; undefined when it runs to the end of the text. */
export function firstDocument(text: string): FirstDocument | undefined {
  const lines = text.split('\n');
  let offset = 0;
  let i = 0;
  let rootCol = -1;
  // Before the root: BOM, blank and comment lines, directives, one `---`.
  for (; i < lines.length; offset += (lines[i] ?? '').length + 1, i++) {
    const line = (lines[i] ?? '').replace(/^\ufeff/, '');
    if (BLANK.test(line) || line.startsWith('%')) continue;
    const marker = /^---(?=[ \t]|$)[ \t]*/.exec(line);
    if (marker && rootCol < 0) {
      const rest = line.slice(marker[0].length);
      if (rest === '' || rest.startsWith('#')) continue;
      rootCol = offset + (lines[i] ?? '').indexOf(rest); // `--- {…}` or `--- |`: the root starts on the marker line
    } else rootCol = offset + (lines[i] ?? '').search(/[^ \ufeff]/);
    break;
  }
  if (rootCol < 0 || i >= lines.length) return undefined;
  const first = text[rootCol];
  if (first === '[' || first === '{') {
    const end = flowEnd(text, rootCol);
    if (end === undefined || BLANK.test(text.slice(end))) return undefined;
    return { end, why: 'flow', lookahead: lookahead(text, end, 0) };
  }
  const lineStart = text.lastIndexOf('\n', rootCol - 1) + 1;
  const lineEnd = text.indexOf('\n', rootCol);
  // Only a block collection ends at a less-indented line: a scalar root (`  vers` then `ion: 1`) goes on
  // over it, as a multi-line scalar (the reader then fails at the `:`, or the root is no mapping).
  const head = text.slice(rootCol, lineEnd < 0 ? text.length : lineEnd).replace(/^(?:[&!]\S*[ \t]+)+/, '');
  const collection = KEY_HERE.test(head) || /^[-?](?:[ \t]|\r?$)/.test(head);
  const col = collection ? rootCol - lineStart - (lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0) : 0;
  for (offset += (lines[i] ?? '').length + 1, i++; i < lines.length; offset += (lines[i] ?? '').length + 1, i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (MARKER.test(line)) return { end: offset, why: 'marker', lookahead: lookahead(text, offset + 3, 1) };
    if (BLANK.test(line) || line.startsWith('\t')) continue;
    if (col > 0 && /^ */.exec(line)![0].length < col) return { end: offset, why: 'dedent', lookahead: lookahead(text, offset, 0) };
  }
  return undefined;
}
