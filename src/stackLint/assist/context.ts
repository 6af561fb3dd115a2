// Where is the cursor in a stack file? Line-based, so it works on half-typed text that does not parse:
// walk upward by indentation (and `- ` markers) to collect the parent keys.

export interface AssistContext {
  /** Parent keys from the root; '-' stands for a sequence item. E.g. ['services', 'web', 'deploy']. */
  readonly path: readonly string[];
  /** key: a mapping key is typed; value: after `key: `; item: after `- ` (a scalar item or the item's first key). */
  readonly position: 'key' | 'value' | 'item' | 'none';
  /** For `value`: the key whose value is typed. */
  readonly key?: string;
  /** The text typed so far (key or value), and its start offset. */
  readonly prefix: string;
  readonly start: number;
  /** Column of the keys of the mapping the cursor is in. */
  readonly column: number;
  /** Keys already present in that mapping (not counting the one on the cursor line), with their inline values. */
  readonly siblings: Readonly<Record<string, string>>;
}

export interface LineInfo {
  readonly ind: number;
  readonly dashes: number;
  /** Column of the content after indentation and `- ` markers. */
  readonly col: number;
  readonly key?: string;
  readonly value?: string;
  readonly blank: boolean;
  readonly docStart: boolean;
}

const KEY_RE = /^("[^"]*"|'[^']*'|[^\s#'"{[\]},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:(?:[ \t]+(.*))?$/;

export function lineInfo(line: string): LineInfo {
  const m = /^( *)((?:-(?: +|$))*)/.exec(line);
  const ind = m?.[1]?.length ?? 0;
  const markers = m?.[2] ?? '';
  const col = ind + markers.length;
  const rest = line.slice(col).replace(/\s+$/, '');
  const dashes = (markers.match(/-/g) ?? []).length;
  const blank = dashes === 0 && (rest === '' || rest.startsWith('#'));
  const docStart = ind === 0 && /^(---|\.\.\.)(\s|$)/.test(rest);
  const k = KEY_RE.exec(rest);
  if (!k || k[1] === undefined) return { ind, dashes, col, blank, docStart };
  const value = (k[2] ?? '').replace(/(^|\s+)#.*$/, '');
  return { ind, dashes, col, key: unquote(k[1]), value, blank, docStart };
}

function unquote(s: string): string {
  return /^(".*"|'.*')$/.test(s) ? s.slice(1, -1) : s;
}

interface Walk { path: string[]; parentLine: number; itemLine: number }

/** Parents of a key at column `col` on line `from`; `seq` when that line's content sits in a sequence item at column `col`. */
function walkUp(lines: readonly LineInfo[], from: number, col: number, seq: boolean): Walk {
  const path: string[] = [];
  let target = col;
  let pending = seq;
  let parentLine = -1;
  let itemLine = -1;
  for (let j = from - 1; j >= 0 && (target > 0 || pending); j--) {
    const l = lines[j];
    if (l === undefined || l.blank) continue;
    if (l.docStart) break;
    if (pending) {
      // Looking for the key owning the sequence whose `-` is at column `target`.
      if (l.key === undefined || l.ind > target || (l.ind === target && l.dashes > 0)) continue;
    } else {
      if (l.ind >= target) continue;
      if (l.dashes > 0 && l.col === target) {
        // An earlier key of the same sequence item: a sibling.
        if (itemLine < 0 && parentLine < 0) itemLine = j;
        for (let d = 0; d < l.dashes; d++) path.unshift('-');
        pending = true;
        target = l.ind;
        continue;
      }
      if (l.key === undefined || l.col >= target) continue;
    }
    if (parentLine < 0 && itemLine < 0) parentLine = j;
    path.unshift(l.key ?? '');
    for (let d = 0; d < l.dashes; d++) path.unshift('-');
    pending = l.dashes > 0;
    target = l.ind;
  }
  return { path, parentLine, itemLine };
}

/** Keys of the mapping at column `col` that starts at line `first` (a dash line of an item, or the line after its parent). */
function siblingsOf(lines: readonly LineInfo[], first: number, col: number, skip: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let k = first; k < lines.length; k++) {
    const l = lines[k];
    if (l === undefined || l.blank) continue;
    if (k > first && (l.docStart || l.ind < col)) break;
    if (k !== skip && l.key !== undefined && l.col === col && (k === first || l.dashes === 0)) out[l.key] = l.value ?? '';
  }
  return out;
}

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

export function contextAt(text: string, offset: number): AssistContext {
  const raw = splitLines(text);
  const lines = raw.map(lineInfo);
  let lineNo = 0;
  let lineStart = 0;
  while (lineNo < raw.length - 1 && lineStart + (raw[lineNo]?.length ?? 0) < offset) {
    lineStart += (raw[lineNo]?.length ?? 0) + (text[lineStart + (raw[lineNo]?.length ?? 0)] === '\r' ? 2 : 1);
    lineNo++;
  }
  const before = (raw[lineNo] ?? '').slice(0, Math.max(0, offset - lineStart));
  const none: AssistContext = { path: [], position: 'none', prefix: '', start: offset, column: 0, siblings: {} };
  if (/(^|\s)#/.test(before)) return none;
  const info = lineInfo(before);
  const rest = before.slice(info.col);
  const withDash = info.dashes > 0;
  const build = (position: AssistContext['position'], prefix: string, key?: string): AssistContext => {
    // On a dash line the content is a sequence item: its parents are found from the dash column.
    const w = withDash ? walkUp(lines, lineNo, info.ind, true) : walkUp(lines, lineNo, info.col, false);
    const path = withDash ? [...w.path, ...Array<string>(info.dashes).fill('-')] : w.path;
    const first = withDash ? lineNo : w.itemLine >= 0 ? w.itemLine : w.parentLine + 1;
    const siblings = siblingsOf(lines, first, info.col, lineNo);
    const base = { path, position, prefix, start: offset - prefix.length, column: info.col, siblings };
    return key === undefined ? base : { ...base, key };
  };
  const kv = /^("[^"]*"|'[^']*'|[^\s:#][^:#]*?)[ \t]*:[ \t]+(.*)$/.exec(rest);
  if (kv && kv[1] !== undefined) {
    const value = kv[2] ?? '';
    if (/^[|>]/.test(value)) return none;
    return build('value', value, unquote(kv[1]));
  }
  if (rest.includes(':')) return none;
  return build(withDash ? 'item' : 'key', rest);
}
