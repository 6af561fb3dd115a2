// Records real rollouts on a lab swarm as sequences of observations, for the rollout model's unit
// tests (test/fixtures/rollouts/<scenario>.json). Each scenario is driven by the docker CLI 28
// (/usr/local/bin/docker, its output kept as the oracle) while this script polls, every 200 ms as
// the CLI's own progress does, the raw Engine JSON of the service, its tasks and the nodes; an
// observation is kept when any of them changed. Run it against a lab of 1 manager and 2 workers:
//   bash scripts/lab/up.sh --name cap --nodes 3 --managers 1
//   LAB=cap npm run capture-rollouts [-- scenario…]
// It creates services named cap-*, and removes them again; `global-node-down` stops and restarts node3.
import Docker from 'dockerode';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { DockerSwarmApi } from '../src/docker/dockerSwarmApi';

const OUT = path.join(__dirname, '..', 'test', 'fixtures', 'rollouts');
const DOCKER_CLI = '/usr/local/bin/docker';
const LAB = process.env['LAB'] ?? 'cap';
const HOST = `unix:///run/swarm-lab/${LAB}/node1.sock`;
const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `t`: ms since the recording began (`t0`, epoch ms, in the file). */
interface Observation { readonly t: number; readonly service: unknown; readonly tasks: unknown; readonly nodes: unknown }
/** `start`/`end`: when the command was started and returned, in epoch ms. */
interface CliRun { readonly args: readonly string[]; readonly exitCode: number; readonly stdout: string; readonly stderr: string; readonly start: number; readonly end: number }

const docker = new Docker({ socketPath: HOST.replace(/^unix:\/\//, '') });
const api = new DockerSwarmApi(docker, HOST);

async function cli(...args: string[]): Promise<CliRun> {
  const start = Date.now();
  try {
    const r = await run(DOCKER_CLI, ['-H', HOST, ...args], { encoding: 'utf8', timeout: 120_000 });
    return { args, exitCode: 0, stdout: r.stdout, stderr: r.stderr, start, end: Date.now() };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { args, exitCode: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '', start, end: Date.now() };
  }
}

/** Polls until `done` says so after an observation; keeps observations that differ from the last. */
class Recorder {
  readonly observations: Observation[] = [];
  private last = '';
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(private readonly name: string, readonly t0 = Date.now()) {}

  start(): void {
    this.loop = (async () => {
      while (!this.stopped) {
        await this.observe();
        await sleep(200);
      }
    })();
  }

  async observe(): Promise<Observation> {
    const [services, nodes] = await Promise.all([api.fetch('service', { name: [this.name] }), api.fetch('node')]);
    const service = (services as { Spec: { Name: string } }[]).find((s) => s.Spec.Name === this.name);
    const tasks = service ? await api.fetch('task', { service: [this.name] }) : [];
    const o = { t: Date.now() - this.t0, service, tasks, nodes };
    const key = JSON.stringify([service, tasks, nodes]);
    if (key !== this.last) { this.last = key; this.observations.push(o); }
    return o;
  }

  async until(what: string, check: (o: Observation) => boolean, ms = 90_000): Promise<void> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (check(await this.observe())) return;
      await sleep(200);
    }
    throw new Error(`${this.name}: timed out waiting for ${what}`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    await this.observe();
  }
}

const updateState = (o: Observation): string | undefined => (o.service as { UpdateStatus?: { State?: string } } | undefined)?.UpdateStatus?.State;
const runningCount = (o: Observation): number => (o.tasks as { Status: { State: string }; DesiredState: string }[])
  .filter((t) => t.DesiredState === 'running' && t.Status.State === 'running').length;

async function create(name: string, ...flags: string[]): Promise<void> {
  const r = await cli('service', 'create', '--detach', '--name', name, '--init', '--no-resolve-image', ...flags, 'local/busybox:1', 'sleep', '1000000');
  if (r.exitCode !== 0) throw new Error(`create ${name}: ${r.stderr}`);
  const rec = new Recorder(name);
  await rec.until(`${name} running`, (o) => (o.tasks as unknown[]).length > 0 && (o.tasks as { Status: { State: string } }[])
    .every((t) => t.Status.State === 'running'));
}

/**
 * Each distinct raw object is stored once in `objects`; an observation names its service, tasks and
 * nodes by index there (test/support/rollouts.ts expands them again). Keeps the files small.
 */
function write(scenario: string, description: string, rec: Recorder, cliRuns: readonly CliRun[]): void {
  const objects: unknown[] = [];
  const index = new Map<string, number>();
  const ref = (o: unknown): number => {
    const key = JSON.stringify(o);
    let i = index.get(key);
    if (i === undefined) { i = objects.length; objects.push(o); index.set(key, i); }
    return i;
  };
  const observations = rec.observations.map((o) => ({
    t: o.t, service: o.service === undefined ? null : ref(o.service), tasks: (o.tasks as unknown[]).map(ref), nodes: (o.nodes as unknown[]).map(ref),
  }));
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${scenario}.json`);
  fs.writeFileSync(file, JSON.stringify({ scenario, description, t0: rec.t0, cli: cliRuns, observations, objects }, null, 1) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), file)}: ${rec.observations.length} observations, ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
}

/** Records one CLI command (which waits for convergence) from just before it until `settled`. */
async function recordCli(name: string, args: string[], settled: (o: Observation) => boolean): Promise<{ rec: Recorder; run: CliRun }> {
  const rec = new Recorder(name);
  await rec.observe();
  rec.start();
  const r = await cli(...args);
  await rec.until('the end state', settled);
  await sleep(1000);
  await rec.stop();
  return { rec, run: r };
}

const SCENARIOS: Readonly<Record<string, () => Promise<void>>> = {
  async 'clean-update'() {
    await create('cap-clean', '--replicas', '6', '--update-parallelism', '2', '--update-delay', '1s', '--update-monitor', '2s');
    const { rec, run: r } = await recordCli('cap-clean', ['service', 'update', '--image', 'local/busybox:2', '--no-resolve-image', 'cap-clean'],
      (o) => updateState(o) === 'completed');
    write('clean-update', 'replicas 6, parallelism 2, delay 1s, monitor 2s, stop-first: image :1 → :2', rec, [r]);
  },
  async 'start-first'() {
    await create('cap-sf', '--replicas', '3', '--update-parallelism', '1', '--update-order', 'start-first', '--update-monitor', '1s');
    const { rec, run: r } = await recordCli('cap-sf', ['service', 'update', '--image', 'local/busybox:2', '--no-resolve-image', 'cap-sf'],
      (o) => updateState(o) === 'completed');
    write('start-first', 'replicas 3, parallelism 1, start-first, monitor 1s: image :1 → :2', rec, [r]);
  },
  async 'failing-rollback'() {
    await create('cap-fail', '--replicas', '3', '--update-parallelism', '1', '--update-failure-action', 'rollback', '--update-monitor', '2s');
    const { rec, run: r } = await recordCli('cap-fail', ['service', 'update', '--image', 'local/busybox:fail', '--no-resolve-image', 'cap-fail'],
      (o) => updateState(o) === 'rollback_completed' && runningCount(o) === 3);
    write('failing-rollback', 'replicas 3, parallelism 1, failure action rollback, monitor 2s: image :1 → :fail (exits 1)', rec, [r]);
  },
  async paused() {
    await create('cap-pause', '--replicas', '3', '--update-parallelism', '1', '--update-failure-action', 'pause', '--update-monitor', '2s');
    const { rec, run: r } = await recordCli('cap-pause', ['service', 'update', '--image', 'local/busybox:fail', '--no-resolve-image', 'cap-pause'],
      (o) => updateState(o) === 'paused');
    write('paused', 'replicas 3, parallelism 1, failure action pause, monitor 2s: image :1 → :fail (exits 1)', rec, [r]);
  },
  async scale() {
    await create('cap-scale', '--replicas', '2', '--update-monitor', '1s');
    const up = await recordCli('cap-scale', ['service', 'scale', 'cap-scale=5'], (o) => runningCount(o) === 5);
    write('scale-up', 'replicas 2 → 5 (docker service scale), monitor 1s', up.rec, [up.run]);
    const down = await recordCli('cap-scale', ['service', 'scale', 'cap-scale=2'], (o) => runningCount(o) === 2
      && (o.tasks as { Status: { State: string } }[]).every((t) => t.Status.State !== 'running' || runningCount(o) === 2));
    write('scale-down', 'replicas 5 → 2 (docker service scale), monitor 1s', down.rec, [down.run]);
  },
  async 'global-node-down'() {
    await create('cap-global', '--mode', 'global', '--update-monitor', '1s');
    const rec = new Recorder('cap-global');
    await rec.observe();
    rec.start();
    execFileSync('bash', [path.join(__dirname, 'lab', 'node.sh'), '--name', LAB, 'stop', '3', '--quiet']);
    await rec.until('node3 down', (o) => (o.nodes as { Description: { Hostname: string }; Status: { State: string } }[])
      .some((n) => n.Description.Hostname === 'node3' && n.Status.State === 'down'));
    await sleep(3000);
    // The CLI's verdict on a global service with a down node: a forced update, waited for.
    const forced = await cli('service', 'update', '--force', 'cap-global');
    await sleep(2000);
    execFileSync('bash', [path.join(__dirname, 'lab', 'node.sh'), '--name', LAB, 'start', '3', '--quiet']);
    await rec.until('3 running again', (o) => runningCount(o) === 3, 60_000);
    await sleep(1000);
    await rec.stop();
    write('global-node-down', 'global on 3 nodes; node3 stops (down), `service update --force` while it is down, node3 starts again', rec, [forced]);
  },
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(SCENARIOS);
  for (const name of names) {
    const scenario = SCENARIOS[name];
    if (!scenario) throw new Error(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);
    const t0 = Date.now();
    try { await scenario(); } finally {
      const mine = await docker.listServices({ filters: JSON.stringify({ name: ['cap-'] }) }) as { ID: string }[];
      await Promise.all(mine.map((s) => docker.getService(s.ID).remove()));
    }
    console.log(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

main().catch((e) => { console.error('capture-rollouts:', e instanceof Error ? e.message : e); process.exit(1); });
