// The stack files under a folder, as the editor would pick them (globs.ts), for swarm-lint.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globRegex } from './globs';

/** Folders never searched: dependencies and version-control data. */
const SKIP = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Stack files under `dir` matching `globs`, sorted, as paths joined to `dir`. */
export function findStackFiles(dir: string, globs: readonly string[]): string[] {
  const patterns = globs.map(globRegex);
  const out: string[] = [];
  const walk = (abs: string, rel: string): void => {
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) { if (!SKIP.has(e.name)) walk(path.join(abs, e.name), relPath); }
      else if (e.isFile() && patterns.some((p) => p.test(relPath))) out.push(path.join(dir, ...relPath.split('/')));
    }
  };
  walk(dir, '');
  return out.sort();
}
