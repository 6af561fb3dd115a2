// The LintContext of a stack file on disk, shared by swarm-lint and the editor: `file:` paths are
// checked relative to the file's folder, variables against the environment, and a `.env` beside
// the file is read only to explain a variable docker stack deploy will not see — lazily, once per
// folder (most files never need it; swarm-lint checks whole folders).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDotenv, type LintContext } from '../stackLint';

const dotenvs = new Map<string, { readonly at: number; readonly value: Readonly<Record<string, string>> | undefined }>();

/** The `.env` of a folder, read at most once a second (the editor re-lints as the file changes). */
function dotenvOf(dir: string): Readonly<Record<string, string>> | undefined {
  const known = dotenvs.get(dir);
  if (known && Date.now() - known.at < 1000) return known.value;
  const file = path.join(dir, '.env');
  const value = fs.existsSync(file) ? parseDotenv(fs.readFileSync(file, 'utf8')) : undefined;
  dotenvs.set(dir, { at: Date.now(), value });
  return value;
}

/** What the CLI can read as a file: a folder (`env_file: ''` names the stack file's own) fails with "is a directory". */
export function readableFile(dir: string, rel: string): boolean {
  return fs.statSync(path.resolve(dir, rel), { throwIfNoEntry: false })?.isDirectory() === false;
}

export function fileLintContext(file: string | undefined, env: Readonly<Record<string, string | undefined>>,
  cluster?: LintContext['cluster']): LintContext {
  const base: LintContext = { env, ...(cluster ? { cluster } : {}) };
  if (!file) return base;
  const dir = path.dirname(path.resolve(file));
  return {
    ...base,
    fileExists: (rel) => readableFile(dir, rel),
    get dotenv() { return dotenvOf(dir); },
  };
}
