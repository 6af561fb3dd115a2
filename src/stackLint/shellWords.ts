// `command:` / `entrypoint:` strings are split into words by the CLI (google/shlex, read from source):
// quotes and backslashes as in a shell, `#` at the start of a word begins a comment. It fails only on
// an unclosed quote or a backslash at the very end.

/** The CLI's reason to refuse splitting `s`, or undefined. */
export function shellSplitError(s: string): string | undefined {
  let state: 'start' | 'word' | 'single' | 'double' | 'comment' = 'start';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const space = c === ' ' || c === '\t' || c === '\r' || c === '\n';
    switch (state) {
      case 'comment':
        if (c === '\n') state = 'start';
        break;
      case 'single':
        if (c === "'") state = 'word';
        break;
      case 'double':
        if (c === '"') state = 'word';
        else if (c === '\\') { if (++i >= s.length) return 'a backslash ends the text'; }
        break;
      default:
        if (space) state = 'start';
        else if (c === '#' && state === 'start') state = 'comment';
        else if (c === "'") state = 'single';
        else if (c === '"') state = 'double';
        else if (c === '\\') { if (++i >= s.length) return 'a backslash ends the text'; state = 'word'; }
        else state = 'word';
    }
  }
  return state === 'single' || state === 'double' ? 'a quote is not closed' : undefined;
}
