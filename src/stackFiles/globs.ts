// Which files are stack files: the glob patterns the editor attaches the stack features to (and
// swarm-lint looks for in folders), and a matcher for them.

export const DEFAULT_STACK_GLOBS: readonly string[] = [
  '**/docker-stack*.{yml,yaml}',
  '**/*stack*.{yml,yaml}',
  '**/docker-compose*.{yml,yaml}',
  '**/compose*.{yml,yaml}',
];

/** A glob (`**`, `*`, `?`, `{a,b}`) as a regular expression over `/`-separated relative paths. */
export function globRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) { re += '\\{'; continue; }
      re += `(?:${glob.slice(i + 1, close).split(',').map((a) => a.replace(/[.+^$()|[\]\\]/g, '\\$&')).join('|')})`;
      i = close;
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Does the relative path (with `/`) match one of the globs? */
export function matchesGlobs(relPath: string, globs: readonly string[]): boolean {
  return globs.some((g) => globRegex(g).test(relPath));
}
