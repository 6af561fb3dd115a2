// Adding lines under a nested block map (`deploy.resources.limits`, …), creating the missing maps.
import { isFlow, pairOf, type YMap, type YPair } from '../../yamlAst';
import { afterLine, column, lineStart, renderLines, startsLine } from './text';
import type { OffsetEdit } from './types';

/** Snippet lines: [extra nesting depth, content]. */
export type Lines = ReadonlyArray<[number, string]>;

type Target = { kind: 'map'; map: YMap } | { kind: 'empty'; pair: YPair };

/**
 * Inserts `lines` into the map at `path` below `map`, creating missing maps in block style.
 * Undefined when a map on the path is flow style or holds a non-map value, or `leafKey` is already there.
 */
export function insertAtPath(text: string, map: YMap, path: readonly string[], lines: Lines, unit: number, leafKey?: string): OffsetEdit | undefined {
  let cur: Target = { kind: 'map', map };
  let i = 0;
  for (; i < path.length && cur.kind === 'map'; i++) {
    if (isFlow(text, cur.map)) return undefined;
    const p = pairOf(cur.map, path[i] ?? '');
    if (!p) break;
    const v = p.value;
    if (v.kind === 'map') cur = { kind: 'map', map: v };
    else if (v.kind === 'scalar' && v.style === 'empty') cur = { kind: 'empty', pair: p };
    else return undefined;
  }
  const rest = path.slice(i);
  if (cur.kind === 'map') {
    if (isFlow(text, cur.map)) return undefined;
    if (rest.length === 0 && leafKey !== undefined && pairOf(cur.map, leafKey)) return undefined;
  }
  const all: Array<[number, string]> = rest.map((seg, d) => [d, `${seg}:`]);
  for (const [d, s] of lines) all.push([d + rest.length, s]);
  if (cur.kind === 'map') return renderLines(text, afterLine(text, cur.map.end), column(text, cur.map.start), unit, all);
  return renderLines(text, afterLine(text, cur.pair.key.end), column(text, cur.pair.key.start) + unit, unit, all);
}

/** Deletes a block pair: its key line through the end of its value's last line (with a trailing comment). */
export function removePair(text: string, map: YMap, pair: YPair): OffsetEdit | undefined {
  if (isFlow(text, map)) return undefined;
  if (!startsLine(text, pair.key.start)) return undefined; // e.g. `- key: v` in a list
  const start = lineStart(text, pair.key.start);
  const last = Math.max(pair.key.end, pair.value.end);
  return { start, end: afterLine(text, last), newText: '' };
}
