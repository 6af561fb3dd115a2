// Benchmark: swarm-lint as a whole process (what a CI step pays), side by side with the docker CLI's
// offline validation `docker stack config -c`, interleaved round after round so that a busy spell of
// the machine hits both alike:
//   1. a folder of 100 stack files (the corpus and the generator's realistic bases): one swarm-lint run
//      on the folder versus `docker stack config -c` run on each file;
//   2. one generated 5,000-line stack file.
// Prints medians and the ratio; asserts nothing.   npm run build && npx tsx scripts/bench/lint-process.ts [ROUNDS]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BASES } from '../../test/support/stackGen/bases';
import { stackFile } from './lint';

const ROOT = path.join(__dirname, '..', '..');
const CORPUS = path.join(ROOT, 'test', 'stack-corpus', 'cases');
const env = { ...process.env, DOCKER_HOST: process.env['DOCKER_HOST'] ?? 'unix:///nonexistent.sock' };

/** The folder: every corpus case and base, named as the editor's globs find them (100 files). */
function folder(dir: string): string[] {
  for (const f of fs.readdirSync(CORPUS)) fs.copyFileSync(path.join(CORPUS, f), path.join(dir, /\.ya?ml$/.test(f) ? `docker-stack-${f}` : f));
  BASES.forEach((b, i) => fs.writeFileSync(path.join(dir, `docker-stack-base${i}.yml`), b));
  for (let i = 0; fs.readdirSync(dir).filter((f) => f.endsWith('.yml')).length < 100; i++) {
    fs.writeFileSync(path.join(dir, `docker-stack-extra${i}.yml`), BASES[i % BASES.length] ?? '');
  }
  return fs.readdirSync(dir).filter((f) => f.endsWith('.yml')).map((f) => path.join(dir, f));
}

const time = (run: () => void): number => { const t = performance.now(); run(); return performance.now() - t; };
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function compare(label: string, ours: () => void, theirs: () => void, rounds: number): void {
  ours(); theirs(); // warm the file cache and swarm-lint's code cache
  const a: number[] = [];
  const b: number[] = [];
  const ratio: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const x = time(ours);
    const y = time(theirs);
    a.push(x); b.push(y); ratio.push(x / y);
  }
  console.log(`${label}: swarm-lint median ${median(a).toFixed(0)} ms, docker stack config ${median(b).toFixed(0)} ms; ratio median ${median(ratio).toFixed(3)} (${rounds} rounds)`);
}

function main(): void {
  const rounds = Number(process.argv[2] ?? 9);
  const bin = path.join(ROOT, 'bin', 'swarm-lint');
  if (!fs.existsSync(path.join(ROOT, 'dist', 'swarm-lint.js'))) throw new Error('run "npm run build" first');
  const docker = spawnSync('docker', ['--version'], { encoding: 'utf8' });
  if (docker.status !== 0) throw new Error('no docker CLI on PATH');
  const node = time(() => spawnSync(process.execPath, ['-e', '0']));
  // Node 20 parses the certificates NODE_EXTRA_CA_CERTS names at start-up; bin/swarm-lint skips them
  // when it connects nowhere (without --cluster).
  const { NODE_EXTRA_CA_CERTS: ca, ...noCa } = process.env;
  const bare = ca === undefined ? '' : `, ${time(() => spawnSync(process.execPath, ['-e', '0'], { env: noCa })).toFixed(0)} ms without NODE_EXTRA_CA_CERTS`;
  console.log(`${docker.stdout.trim()}; node -e 0 takes ${node.toFixed(0)} ms here${bare}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-bench-'));
  try {
    const files = folder(dir);
    compare(`folder of ${files.length} stack files`, () => spawnSync(bin, [dir], { env }),
      () => { for (const f of files) spawnSync('docker', ['stack', 'config', '-c', f], { env }); }, rounds);
    const big = path.join(dir, 'big', 'docker-stack.yml');
    fs.mkdirSync(path.dirname(big));
    fs.writeFileSync(big, stackFile(250));
    compare(`one ${stackFile(250).split('\n').length}-line file`, () => spawnSync(bin, [big], { env }), () => spawnSync('docker', ['stack', 'config', '-c', big], { env }), rounds);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
