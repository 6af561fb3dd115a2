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

/** Where main() writes: the process streams by default. */
export interface Output { out(text: string): void; err(text: string): void }
const streams: Output = { out: (t) => { process.stdout.write(t); }, err: (t) => { process.stderr.write(t); } };

/**
 * Plain writes to fds 1 and 2, for the process entry: `process.stdout` on a pipe builds a socket
 * stream (and loads the stream modules), a cost a short run notices; a full pipe (EAGAIN) is retried,
 * a closed one (EPIPE) ends the output.
 */
function fdWriter(fd: number): (text: string) => void {
  return (text) => {
    const buf = Buffer.from(text, 'utf8');
    for (let off = 0; off < buf.length;) {
      try {
        off += fs.writeSync(fd, buf, off);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'EAGAIN') continue;
        if (code === 'EPIPE') return;
        throw e;
      }
    }
  };
}

function loadClusterFacts(): Promise<ClusterFacts> {
  // A separate bundle (dist/swarm-lint-cluster.js) so that plain runs never load dockerode.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(__dirname, 'swarm-lint-cluster.js')) as { readClusterFacts: FactsLoader };
  return mod.readClusterFacts();
}

export async function main(argv: readonly string[], loadFacts: FactsLoader = loadClusterFacts, io: Output = streams): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    if (args.error) io.err(`swarm-lint: ${args.error}\n`);
    io.err(USAGE + '\n');
    return 2;
  }
  let cluster: ClusterFacts | undefined;
  if (args.cluster) {
    try {
      cluster = await loadFacts();
    } catch (e) {
      io.err(`swarm-lint: --cluster: ${e instanceof Error ? e.message : String(e)}\n`);
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
      io.err(`swarm-lint: cannot search ${p} (${(e as { code?: string }).code ?? String(e)}): check the path and permissions\n`);
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
      io.err(`swarm-lint: cannot read ${file}${code ? ` (${code})` : ''}: check the path and permissions\n`);
      return 2;
    }
    const context = fileLintContext(file === '-' ? path.join(process.cwd(), '-') : file, process.env, cluster);
    all.push(...toFileDiagnostics(file, lintStack(text, context)));
  }
  if (args.json) io.out(formatJson(all) + '\n');
  else {
    if (all.length > 0) io.out(formatHuman(all) + '\n');
    io.err(summary(all, files.length) + '\n');
  }
  return all.some((d) => d.severity === 'error') ? 1 : 0;
}

/** The process entry (bin/swarm-lint): exit code 0 clean, 1 errors, 2 usage or I/O error. */
export function run(): void {
  const io: Output = { out: fdWriter(1), err: fdWriter(2) };
  main(process.argv.slice(2), loadClusterFacts, io).then((code) => { process.exitCode = code; }, (e: unknown) => {
    io.err(`swarm-lint: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 2;
  });
}
