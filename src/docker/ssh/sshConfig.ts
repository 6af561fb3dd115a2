// The little of ssh_config(5) this extension needs: the first value of a keyword that applies to a
// host, ssh's "first obtained value wins" over ~/.ssh/config, then /etc/ssh/ssh_config, with `Host`
// sections (patterns with `*`, `?`, `!`) and `Include`. `Match` sections are skipped (their
// criteria need a running ssh). Pure: files are read through `read` and `list`.
import * as nodePath from 'node:path';
import { matchPatternList, wildcard } from './patterns';

export interface ConfigFiles {
  readonly homedir: string;
  /** The file's text, or undefined when it does not exist. */
  read(path: string): string | undefined;
  /** The names in a folder ([] when it does not exist). */
  list(dir: string): readonly string[];
}

function expand(pattern: string, dir: string, files: ConfigFiles): string[] {
  const home = pattern.replace(/^~\//, `${files.homedir}/`);
  const full = nodePath.isAbsolute(home) ? home : nodePath.join(dir, home);
  const base = nodePath.basename(full);
  if (!base.includes('*')) return [full];
  const re = wildcard(base, '');
  const parent = nodePath.dirname(full);
  return files.list(parent).filter((n) => re.test(n)).sort().map((n) => nodePath.join(parent, n));
}

function lookupIn(path: string, keyword: string, host: string, files: ConfigFiles, depth: number): string | undefined {
  const text = files.read(path);
  if (text === undefined || depth > 8) return undefined;
  let applies = true;
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z]+)\s*(?:=\s*|\s+)(.*?)\s*$/.exec(raw);
    if (!m || !m[1] || raw.trim().startsWith('#')) continue;
    const key = m[1].toLowerCase();
    const value = (m[2] ?? '').replace(/^"(.*)"$/, '$1');
    if (key === 'host') { applies = matchPatternList(value.split(/\s+/), host); continue; }
    if (key === 'match') { applies = false; continue; }
    if (!applies) continue;
    if (key === 'include') {
      const dir = path.startsWith(nodePath.join(files.homedir, '.ssh')) ? nodePath.join(files.homedir, '.ssh') : '/etc/ssh';
      for (const inc of value.split(/\s+/).flatMap((p) => expand(p, dir, files))) {
        const found = lookupIn(inc, keyword, host, files, depth + 1);
        if (found !== undefined) return found;
      }
      continue;
    }
    if (key === keyword.toLowerCase()) return value;
  }
  return undefined;
}

/** The value ssh would use for `keyword` with `host`, or undefined when no file sets it. */
export function sshConfigValue(keyword: string, host: string, files: ConfigFiles): string | undefined {
  for (const file of [nodePath.join(files.homedir, '.ssh', 'config'), '/etc/ssh/ssh_config']) {
    const v = lookupIn(file, keyword, host, files, 0);
    if (v !== undefined) return v;
  }
  return undefined;
}
