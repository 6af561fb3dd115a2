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

function wall(cmd: string, args: string[], runs: number): { median: number; min: number; status: number | null; err: string } {
  const times: number[] = [];
  let last = spawnSync(cmd, args, { encoding: 'utf8' });
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: process.env['DOCKER_HOST'] ?? 'unix:///nonexistent.sock' } });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? NaN, min: times[0] ?? NaN, status: last.status, err: (last.stderr ?? '').split('\n')[0] ?? '' };
}

function main(): void {
  const runs = Number(process.argv[2] ?? 10);
  const bin = path.join(ROOT, 'bin', 'swarm-lint');
  if (!fs.existsSync(path.join(ROOT, 'dist', 'swarm-lint.js'))) throw new Error('run "npm run build" first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-bench-'));
  const file = path.join(dir, 'docker-stack.yml');
  const text = stackFile(250);
  fs.writeFileSync(file, text);
  console.log(`file: ${text.split('\n').length} lines; ${runs} runs each, wall time of the whole process`);
  const ours = wall(bin, [file], runs);
  console.log(`  swarm-lint FILE            median ${ours.median.toFixed(0)} ms, min ${ours.min.toFixed(0)} ms (exit ${ours.status})`);
  const docker = spawnSync('docker', ['--version'], { encoding: 'utf8' });
  if (docker.status !== 0) console.log('  docker stack config -c     skipped: no docker CLI on PATH');
  else {
    const theirs = wall('docker', ['stack', 'config', '-c', file], runs);
    console.log(`  docker stack config -c     median ${theirs.median.toFixed(0)} ms, min ${theirs.min.toFixed(0)} ms (exit ${theirs.status}${theirs.status ? `: ${theirs.err}` : ''}; ${docker.stdout.trim()})`);
    console.log(`  ratio swarm-lint / docker: ${(ours.median / theirs.median).toFixed(2)}`);
  }
  const node = wall(process.execPath, ['-e', '0'], runs);
  console.log(`  (node -e 0 alone           median ${node.median.toFixed(0)} ms: the floor of any Node CLI)`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main();
