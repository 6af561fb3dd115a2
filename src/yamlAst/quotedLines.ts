// Quoted scalars that continue on lines indented no deeper than their key: go-yaml (the CLI's reader)
// accepts them (`image: "ng` / `inx"` is "ng inx"), the `yaml` library does not. To read such files
// as the CLI does, the line breaks inside those scalars become spaces — same length, so every offset
// stays true — and the text is parsed again. The value then keeps the continuation's indentation,
// which only matters where spaces do.

/** Where a quote may open a scalar: at the start of the content, after `: `, `- `, `? `, `[`, `{` or `,`. */
const OPENS = /(?:^|[\s[{,]|[:?-]\s)$/;

/** The text with line breaks inside multi-line quoted scalars blanked, or undefined when it has none. */
export function joinQuotedLines(text: string): string | undefined {
  const out = text.split('');
  let changed = false;
  let i = 0;
  let lineStart = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') { lineStart = i + 1; i++; continue; }
    if (c === '#' && (i === lineStart || /\s/.test(text[i - 1] ?? ''))) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if ((c === '"' || c === "'") && OPENS.test(text.slice(lineStart, i))) {
      let j = i + 1;
      for (; j < text.length; j++) {
        if (c === '"' && text[j] === '\\') { j++; continue; }
        if (text[j] === c) { if (c === "'" && text[j + 1] === "'") { j++; continue; } break; }
      }
      if (j >= text.length) return changed ? out.join('') : undefined; // unclosed: nothing to join
      for (let k = i + 1; k < j; k++) {
        if (text[k] === '\n' || text[k] === '\r') { out[k] = ' '; changed = true; }
      }
      const nl = text.lastIndexOf('\n', j);
      if (nl > i) lineStart = nl + 1;
      i = j + 1;
      continue;
    }
    i++;
  }
  return changed ? out.join('') : undefined;
}
