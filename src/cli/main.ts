// swarm-lint: the stack-file linter of the extension, for CI, over files and folders. Kept light to
// start (no Docker client unless --cluster, which loads a second bundle).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintStack } from '../stackLint';
import { findStackFiles } from '../stackFiles/findStackFiles';
import { DEFAULT_STACK_GLOBS } from '../stackFiles/globs';
import { fileLintContext } from '../stackFiles/lintContext';
import { parseArgs, USAGE } from './args';
import type { ClusterFacts } from '../stackLint';
import { formatHuman, formatJson, summary, toFileDiagnostics, type FileDiagnostic } from './format';

type FactsLoader = () => Promise<ClusterFacts>;

function loadClusterFacts(): Promise<ClusterFacts> {
  // A separate bundle (dist/swarm-lint-cluster.js) so that plain runs never load dockerode.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(__dirname, 'swarm-lint-cluster.js')) as { readClusterFacts: FactsLoader };
  return mod.readClusterFacts();
}

export async function main(argv: readonly string[], loadFacts: FactsLoader = loadClusterFacts): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    if (args.error) process.stderr.write(`swarm-lint: ${args.error}\n`);
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  let cluster: ClusterFacts | undefined;
  if (args.cluster) {
    try {
      cluster = await loadFacts();
    } catch (e) {
      process.stderr.write(`swarm-lint: --cluster: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  }
  const files: string[] = [];
  for (const p of args.files) {
    let folder = false;
    try { folder = p !== '-' && fs.statSync(p).isDirectory(); } catch { /* reported when read */ }
    if (!folder) { files.push(p); continue; }
    try {
      files.push(...findStackFiles(p, [...DEFAULT_STACK_GLOBS, ...args.globs]));
    } catch (e) {
      process.stderr.write(`swarm-lint: cannot search ${p} (${(e as { code?: string }).code ?? String(e)}): check the path and permissions\n`);
      return 2;
    }
  }
  const all: FileDiagnostic[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as { code?: string }).code;
      process.stderr.write(`swarm-lint: cannot read ${file}${code ? ` (${code})` : ''}: check the path and permissions\n`);
      return 2;
    }
    const context = fileLintContext(file === '-' ? path.join(process.cwd(), '-') : file, process.env, cluster);
    all.push(...toFileDiagnostics(file, lintStack(text, context)));
  }
  if (args.json) process.stdout.write(formatJson(all) + '\n');
  else {
    if (all.length > 0) process.stdout.write(formatHuman(all) + '\n');
    process.stderr.write(summary(all, files.length) + '\n');
  }
  return all.some((d) => d.severity === 'error') ? 1 : 0;
}

/** The process entry (bin/swarm-lint): exit code 0 clean, 1 errors, 2 usage or I/O error. */
export function run(): void {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e: unknown) => {
    process.stderr.write(`swarm-lint: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 2;
  });
}
