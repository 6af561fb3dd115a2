// The real swarms under the integration tests. A suite asks for the topology it needs
// (`labs.get({ managers: 3, workers: 2 })`); each topology is one named lab of scripts/lab
// (`t<M>m<W>w`; SWARM_TEST_LAB_PREFIX replaces the `t`, so that test runs of several checkouts can
// run side by side), brought up on first use and torn down after the run unless it was up before.
// With SWARM_TEST_DOCKER_HOST set, every suite uses that one swarm instead (and leaves it running);
// suites that need more managers than it has, or need to stop daemons, skip.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

export interface Topology {
  readonly managers: number;
  readonly workers: number;
}

export interface LabNode {
  readonly index: number;
  readonly role: 'manager' | 'worker';
  readonly addr: string;
  /** `unix:///run/swarm-lab/<lab>/node<i>.sock` */
  readonly host: string;
}

function script(name: string, args: readonly string[]): string {
  const t0 = Date.now();
  const out = execFileSync('bash', [path.join(ROOT, 'scripts', 'lab', name), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  console.log(`      [lab] ${name} ${args.join(' ')}: ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return out;
}

function answers(socket: string): boolean {
  if (!fs.existsSync(socket)) return false;
  return spawnSync('curl', ['-sf', '--max-time', '2', '--unix-socket', socket, 'http://d/_ping'], { stdio: 'ignore' }).status === 0;
}

export class Lab {
  private nodesSeen: LabNode[] = [];
  private startedHere = false;

  constructor(
    /** The lab's name; undefined for a swarm given by SWARM_TEST_DOCKER_HOST. */
    readonly name: string | undefined,
    readonly topology: Topology,
    private readonly external?: { readonly host: string; readonly workerHost?: string },
  ) {}

  /** True when the tests may stop and start its daemons (it is one of the project's labs). */
  get controllable(): boolean { return this.name !== undefined; }

  get nodes(): readonly LabNode[] { return this.nodesSeen; }

  /** Docker endpoint of the first manager (node1 of a lab). */
  get host(): string { return this.external?.host ?? this.node(1).host; }

  /** Endpoint of a worker, when known. */
  get workerHost(): string | undefined {
    return this.external ? this.external.workerHost : this.nodesSeen.find((n) => n.role === 'worker')?.host;
  }

  node(i: number): LabNode {
    const n = this.nodesSeen.find((x) => x.index === i);
    if (!n) throw new Error(`lab ${this.name ?? '(external)'} has no node${i}`);
    return n;
  }

  ensure(): void {
    if (!this.name || this.nodesSeen.length > 0) return;
    const { managers, workers } = this.topology;
    this.startedHere = !answers(`/run/swarm-lab/${this.name}/node1.sock`);
    const out = script('up.sh', ['--name', this.name, '--nodes', String(managers + workers), '--managers', String(managers)]);
    this.nodesSeen = [...out.matchAll(/^node(\d+)\s+(manager|worker)\s+(\S+)\s+(unix:\/\/\S+)$/gm)]
      .map((m) => ({ index: Number(m[1]), role: m[2] as 'manager' | 'worker', addr: m[3] ?? '', host: m[4] ?? '' }));
  }

  teardown(): void {
    if (this.name && this.startedHere && !process.env['SWARM_TEST_KEEP_LAB']) script('down.sh', ['--name', this.name, '--quiet']);
    this.nodesSeen = [];
  }

  stopNode(i: number): void { this.script('node.sh', 'stop', i); }
  startNode(i: number): void { this.script('node.sh', 'start', i); }

  private script(name: string, cmd: string, i: number): void {
    if (!this.name) throw new Error('only the project\'s own labs can be controlled');
    script(name, ['--name', this.name, cmd, String(i), '--quiet']);
  }
}

class Labs {
  private readonly byName = new Map<string, Lab>();

  /** The lab of this topology, brought up now if needed (call it from a `before` hook). */
  get(topology: Topology): Lab {
    const given = process.env['SWARM_TEST_DOCKER_HOST'];
    if (given) return new Lab(undefined, topology, { host: given, workerHost: process.env['SWARM_TEST_WORKER_HOST'] });
    const name = `${process.env['SWARM_TEST_LAB_PREFIX'] ?? 't'}${topology.managers}m${topology.workers}w`;
    let lab = this.byName.get(name);
    if (!lab) this.byName.set(name, lab = new Lab(name, topology));
    lab.ensure();
    return lab;
  }

  teardownAll(): void {
    for (const lab of this.byName.values()) lab.teardown();
    this.byName.clear();
  }
}

export const labs = new Labs();

/** The topology most suites need: one manager, two workers. */
export const SMALL: Topology = { managers: 1, workers: 2 };

/** Operations need quorum to guard and nodes to drain to: three managers, two workers. */
export const OPS: Topology = { managers: 3, workers: 2 };
