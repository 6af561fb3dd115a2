// The real swarm under the integration tests. With SWARM_TEST_DOCKER_HOST set, tests use that swarm
// (and leave it running); otherwise the harness starts the project's lab (scripts/lab/up.sh, 3 nodes:
// 1 manager, 2 workers) and stops it after the run, unless it was already up before.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const LAB_RUN = '/run/swarm-operator-lab';
const labSocket = (i: number) => `${LAB_RUN}/node${i}.sock`;

function labAnswers(i: number): boolean {
  if (!fs.existsSync(labSocket(i))) return false;
  return spawnSync('curl', ['-sf', '--max-time', '2', '--unix-socket', labSocket(i), 'http://d/_ping'], { stdio: 'ignore' }).status === 0;
}

function script(name: string, args: string[]): string {
  const t0 = Date.now();
  const out = execFileSync('bash', [path.join(ROOT, 'scripts', 'lab', name), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  console.log(`      [lab] ${name} ${args.join(' ')}: ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return out;
}

class Lab {
  /** Docker endpoint of the manager the tests talk to. */
  host = '';
  /** Endpoint of a worker, when known (for the "not a manager" test). */
  workerHost: string | undefined;
  private startedHere = false;

  /** True when the tests may stop and start the manager's daemon (it is the project's own lab). */
  get controllable(): boolean { return this.host === `unix://${labSocket(1)}`; }

  ensure(): void {
    const given = process.env['SWARM_TEST_DOCKER_HOST'];
    if (given) {
      this.host = given;
      this.workerHost = process.env['SWARM_TEST_WORKER_HOST'];
      return;
    }
    this.startedHere = !labAnswers(1);
    const out = script('up.sh', ['--nodes', '3', '--managers', '1']);
    const nodes = [...out.matchAll(/^node(\d+)\s+(manager|worker)\s+\S+\s+(unix:\/\/\S+)$/gm)];
    this.host = nodes.find((m) => m[2] === 'manager')?.[3] ?? `unix://${labSocket(1)}`;
    this.workerHost = nodes.find((m) => m[2] === 'worker')?.[3];
  }

  teardown(): void {
    if (this.startedHere && !process.env['SWARM_TEST_KEEP_LAB']) script('down.sh', []);
  }

  stopNode(i: number): void { script('node.sh', ['stop', String(i)]); }
  startNode(i: number): void { script('node.sh', ['start', String(i)]); }
}

export const lab = new Lab();
