// The LintContext of a stack file on disk, shared by swarm-lint and the editor: `file:` paths are
// checked relative to the file's folder, variables against the environment, and a `.env` beside
// the file is read only to explain a variable docker stack deploy will not see.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDotenv, type LintContext } from '../stackLint';

export function fileLintContext(file: string | undefined, env: Readonly<Record<string, string | undefined>>,
  cluster?: LintContext['cluster']): LintContext {
  const base: LintContext = { env, ...(cluster ? { cluster } : {}) };
  if (!file) return base;
  const dir = path.dirname(path.resolve(file));
  let dotenv: Record<string, string> | undefined;
  try { dotenv = parseDotenv(fs.readFileSync(path.join(dir, '.env'), 'utf8')); } catch { dotenv = undefined; }
  return { ...base, fileExists: (rel) => fs.existsSync(path.resolve(dir, rel)), ...(dotenv ? { dotenv } : {}) };
}
