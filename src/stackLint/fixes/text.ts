// Line-level text helpers: line ends, columns, and turning offset edits into range edits.
import type { FixDoc, OffsetEdit, TextEdit } from './types';

/** The file's line ending: CRLF when it uses any, else LF. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line break of the line holding `offset` (the text's end on the last line). */
export function afterLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Is `offset` the first non-blank character of its line? */
export function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

/** Lines `[depth, content]` indented by `base + depth * unit`, each ended by the file's line break. */
export function renderLines(text: string, at: number, base: number, unit: number, lines: ReadonlyArray<[number, string]>): OffsetEdit {
  const eol = eolOf(text);
  const body = lines.map(([depth, s]) => ' '.repeat(base + depth * unit) + s + eol).join('');
  // Appending after a last line that has no line break: start a new line first.
  const lead = at === text.length && at > 0 && !text.endsWith('\n') ? eol : '';
  return { start: at, end: at, newText: lead + body };
}

/** Sorts edits and merges touching or overlapping ones, then maps offsets to positions. */
export function toTextEdits(doc: FixDoc, edits: readonly OffsetEdit[]): TextEdit[] {
  const text = doc.text;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: OffsetEdit[] = [];
  for (const e of sorted) {
    const last = merged.at(-1);
    if (last && e.start <= last.end) {
      const end = Math.max(last.end, e.end);
      const tail = e.start < last.end ? '' : text.slice(last.end, e.start);
      merged[merged.length - 1] = { start: last.start, end, newText: last.newText + tail + e.newText };
    } else merged.push(e);
  }
  return merged.map((e) => ({ range: { start: doc.lines.position(e.start), end: doc.lines.position(e.end) }, newText: e.newText }));
}
