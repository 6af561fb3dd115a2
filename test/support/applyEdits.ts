// Applies quick-fix edits to a text the way an editor does (positions against the original, last first).
import assert from 'node:assert/strict';
import type { TextEdit } from '../../src/stackLint/fixes';
import { LineIndex } from '../../src/yamlAst';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const idx = new LineIndex(text);
  const spans = edits.map((e) => ({ s: idx.offset(e.range.start), e: idx.offset(e.range.end), t: e.newText })).sort((a, b) => a.s - b.s);
  for (let i = 1; i < spans.length; i++) assert.ok((spans[i - 1]?.e ?? 0) <= (spans[i]?.s ?? 0), 'edits overlap');
  let out = text;
  for (const sp of [...spans].reverse()) out = out.slice(0, sp.s) + sp.t + out.slice(sp.e);
  return out;
}
