// Benchmark: swarm-lint as a whole process (what a CI step pays), side by side with the docker CLI's
// offline validation `docker stack config -c` on the same generated 5,000-line file. Prints figures.
//   npm run build && npx tsx scripts/bench/lint-process.ts [RUNS]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { stackFile } from './lint';

const ROOT = path.join(__dirname, '..', '..');

interface Figures { median: number; min: number; status: number | null; err: string }

/** Runs the commands in turn, round after round, so that a busy spell of the machine hits them all alike. */
function interleaved(commands: Record<string, string[]>, runs: number): Record<string, Figures> {
  const times: Record<string, number[]> = {};
  const last: Record<string, ReturnType<typeof spawnSync>> = {};
  const env = { ...process.env, DOCKER_HOST: process.env['DOCKER_HOST'] ?? 'unix:///nonexistent.sock' };
  for (let i = 0; i < runs; i++) {
    for (const [name, [cmd, ...args]] of Object.entries(commands)) {
      const t = performance.now();
      last[name] = spawnSync(cmd as string, args, { encoding: 'utf8', env });
      (times[name] ??= []).push(performance.now() - t);
    }
  }
  const out: Record<string, Figures> = {};
  for (const [name, ts] of Object.entries(times)) {
    ts.sort((a, b) => a - b);
    const r = last[name];
    out[name] = { median: ts[Math.floor(ts.length / 2)] ?? NaN, min: ts[0] ?? NaN, status: r?.status ?? null, err: String(r?.stderr ?? '').split('\n')[0] ?? '' };
  }
  return out;
}

function main(): void {
  const runs = Number(process.argv[2] ?? 10);
  const bin = path.join(ROOT, 'bin', 'swarm-lint');
  if (!fs.existsSync(path.join(ROOT, 'dist', 'swarm-lint.js'))) throw new Error('run "npm run build" first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-bench-'));
  const file = path.join(dir, 'docker-stack.yml');
  const text = stackFile(250);
  fs.writeFileSync(file, text);
  console.log(`file: ${text.split('\n').length} lines; ${runs} interleaved rounds, wall time of each whole process`);
  const docker = spawnSync('docker', ['--version'], { encoding: 'utf8' });
  const commands: Record<string, string[]> = { 'swarm-lint FILE': [bin, file], 'node -e 0': [process.execPath, '-e', '0'] };
  if (docker.status === 0) commands['docker stack config -c FILE'] = ['docker', 'stack', 'config', '-c', file];
  const r = interleaved(commands, runs);
  for (const [name, f] of Object.entries(r)) {
    console.log(`  ${name.padEnd(28)} median ${f.median.toFixed(0)} ms, min ${f.min.toFixed(0)} ms (exit ${f.status}${f.status ? `: ${f.err}` : ''})`);
  }
  const ours = r['swarm-lint FILE'];
  const theirs = r['docker stack config -c FILE'];
  if (ours && theirs) console.log(`  ratio swarm-lint / docker stack config: median ${(ours.median / theirs.median).toFixed(2)}, min ${(ours.min / theirs.min).toFixed(2)} (${docker.stdout.trim()})`);
  else console.log('  docker stack config: skipped, no docker CLI on PATH');
  fs.rmSync(dir, { recursive: true, force: true });
}

main();
