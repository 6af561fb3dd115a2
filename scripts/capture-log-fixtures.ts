// Captures test/fixtures/logs.json from a REAL swarm: the raw bytes of `/services/{id}/logs` and
// `/tasks/{id}/logs` (multiplexed, TTY, a global service), the nodes, services and tasks that name
// their prefixes, and what the real docker CLI (28, /usr/local/bin/docker) prints for the same logs.
// Run it against the lab:
//   bash scripts/lab/up.sh --name default --nodes 3 --managers 1
//   DOCKER_HOST=unix:///run/swarm-lab/default/node1.sock npx tsx scripts/capture-log-fixtures.ts
// It creates services named fxlog*, waits until every task has printed its lines, captures, and
// removes them again.
import Docker from 'dockerode';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const OUT = path.join(__dirname, '..', 'test', 'fixtures', 'logs.json');
const CLI = '/usr/local/bin/docker';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Lines on stdout and stderr with levels, a multi-byte character and a query-escaping-worthy word. */
const SCRIPT = 'echo "INFO start $(hostname) café"; echo "WARN half-way 50% done"; echo "ERROR failed: x=1,y=2" >&2; '
  + 'echo "2024-01-02T03:04:05Z DEBUG line with its own timestamp"; exec sleep 1000000';

function spec(name: string, mode: object, tty = false): object {
  return {
    Name: name,
    Labels: { 'swarm-operator.test': '1' },
    TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sh', '-c', SCRIPT], Init: true, TTY: tty } },
    Mode: mode,
  };
}

async function logBytes(get: () => Promise<unknown>): Promise<Buffer> {
  const data = await get();
  return Buffer.isBuffer(data) ? data : Buffer.from(String(data));
}

function cli(host: string, args: string[]): { stdout: string[]; stderr: string[] } {
  const errFile = path.join(fs.mkdtempSync('/tmp/fxlog-'), 'err');
  const stdout = execFileSync('sh', ['-c', `"$0" "$@" 2>"${errFile}"`, CLI, '-H', host, ...args], { encoding: 'utf8' });
  const stderr = fs.readFileSync(errFile, 'utf8');
  fs.rmSync(path.dirname(errFile), { recursive: true });
  const lines = (s: string) => s.split('\n').filter((l) => l !== '');
  return { stdout: lines(stdout), stderr: lines(stderr) };
}

async function main(): Promise<void> {
  const host = process.env['DOCKER_HOST'];
  if (!host?.startsWith('unix://')) throw new Error('set DOCKER_HOST=unix://<manager socket> of a lab swarm');
  const docker = new Docker({ socketPath: host.replace(/^unix:\/\//, '') });
  const created = [
    await docker.createService(spec('fxlog', { Replicated: { Replicas: 10 } })),
    await docker.createService(spec('fxlog-global', { Global: {} })),
    await docker.createService(spec('fxlog-tty', { Replicated: { Replicas: 1 } }, true)),
  ];
  try {
    const opts = { stdout: true, stderr: true, details: true, timestamps: true, follow: false };
    // Every task has printed its 4 lines: 10 + 3 global + 1 TTY tasks.
    const expected: Record<string, number> = { fxlog: 40, 'fxlog-global': 12, 'fxlog-tty': 4 };
    for (const s of created) {
      const name = ((await s.inspect()) as { Spec: { Name: string } }).Spec.Name;
      for (let i = 0; ; i++) {
        const text = (await logBytes(() => s.logs(opts))).toString('latin1');
        if ((text.match(/\n/g) ?? []).length >= (expected[name] ?? 0)) break;
        if (i > 120) throw new Error(`${name}: its tasks did not print their lines`);
        await sleep(500);
      }
    }
    const [multiplexed, global, tty] = await Promise.all(created.map((s) => logBytes(() => s.logs(opts))));
    const tasks = await docker.listTasks({ filters: JSON.stringify({ service: ['fxlog'], 'desired-state': ['running'] }) }) as { ID: string; Slot: number }[];
    const task = tasks.find((t) => t.Slot === 3) ?? tasks[0];
    if (!task) throw new Error('fxlog has no task');
    // @types/dockerode leaves Task.logs out; dockerode has it.
    const taskLogs = docker.getTask(task.ID) as unknown as { logs(o: object): Promise<unknown> };
    const taskBytes = await logBytes(() => taskLogs.logs(opts));
    const fixture = {
      captured: 'scripts/capture-log-fixtures.ts',
      cliVersion: execFileSync(CLI, ['version', '--format', '{{.Client.Version}}'], { encoding: 'utf8' }).trim(),
      taskId: task.ID,
      streams: {
        service: multiplexed.toString('base64'),
        global: global.toString('base64'),
        tty: tty.toString('base64'),
        task: taskBytes.toString('base64'),
      },
      cli: {
        service: cli(host, ['service', 'logs', 'fxlog']),
        serviceTimestamps: cli(host, ['service', 'logs', '-t', 'fxlog']),
        global: cli(host, ['service', 'logs', 'fxlog-global']),
        task: cli(host, ['service', 'logs', task.ID]),
        ttyRaw: cli(host, ['service', 'logs', '--raw', 'fxlog-tty']),
      },
      nodes: await docker.listNodes(),
      services: await docker.listServices({ filters: JSON.stringify({ name: ['fxlog'] }) }),
      tasks: await docker.listTasks({ filters: JSON.stringify({ service: ['fxlog', 'fxlog-global', 'fxlog-tty'] }) }),
    };
    fs.writeFileSync(OUT, JSON.stringify(fixture, null, 1) + '\n');
    console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
  } finally {
    for (const s of created) await s.remove().catch(() => undefined);
  }
}

main().catch((e) => { console.error('capture-log-fixtures:', e instanceof Error ? e.message : e); process.exit(1); });
