// Service and task logs on the lab, through the same LogSession the log view uses, against the real
// docker CLI 28 printing the same logs: prefixes, multiplexed and TTY streams, follow and stop, and
// the liveness check on a link that goes silent.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { DockerSwarmApi } from '../../src/docker/dockerSwarmApi';
import { DockerLogStreams } from '../../src/docker/logStream';
import { LogBuffer, type LogEntry } from '../../src/domain/logs/logBuffer';
import { LogSession, type LogTarget } from '../../src/operations/logs/logSession';
import type { ClusterStore } from '../../src/store/clusterStore';
import { apiFor, dockerFor, removeTestServices, waitFor } from '../support/engine';
import { labs, SMALL, type Lab } from '../support/lab';
import { labOperations, type LabOperations } from '../support/operations';
import { SocketProxy } from '../support/socketProxy';

const run = promisify(execFile);
const DOCKER = '/usr/local/bin/docker';

/** Prints `lines` lines (stdout, and every third on stderr), then one a tick when `tick` is set. */
function printer(lines: number, tick = false): string[] {
  const loop = tick ? 'i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 0.2; done' : 'exec sleep 1000000';
  return ['sh', '-c', `for i in $(seq 1 ${lines}); do echo "INFO line $i"; [ $((i % 3)) = 0 ] && echo "ERROR err $i" >&2; done; ${loop}`];
}

describe('service and task logs', function () {
  this.timeout(120_000);
  let lab: Lab;
  let docker: Docker;
  let ops: LabOperations;
  let store: ClusterStore;
  const streams = () => new DockerLogStreams(apiFor(lab.host));

  async function service(name: string, replicas: number, args: string[], tty = false): Promise<string> {
    const created = await docker.createService({
      Name: name, Labels: { 'swarm-operator.test': '1' },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: args, Init: true, TTY: tty } },
      Mode: { Replicated: { Replicas: replicas } },
    });
    await waitFor(`${name} running in the store`, () => store.all('task').filter((t) => t.serviceId === created.id && t.state === 'running').length === replicas, 60_000);
    return created.id;
  }

  /** Collects a session's entries until it ends (follow off) or `until` holds. */
  async function collect(target: LogTarget, follow: boolean, until?: (entries: LogEntry[]) => boolean, api = apiFor(lab.host)) {
    const entries: LogEntry[] = [];
    let ended: { error?: Error } | undefined;
    const session = new LogSession(new DockerLogStreams(api), store, api, target, { follow, tail: 'all' });
    await session.start({ onEntries: (e) => entries.push(...e), onEnd: (error) => { ended = { error }; } });
    await waitFor('the lines', () => ended !== undefined || (until?.(entries) ?? false), 60_000);
    return { entries, ended: () => ended, session };
  }

  const lines = (entries: readonly LogEntry[], stream: 'stdout' | 'stderr') => {
    const b = new LogBuffer(1e6);
    b.append(entries.filter((e) => e.kind === 'line' && e.stream === stream));
    return b.render(false).split('\n').filter(Boolean).sort();
  };
  const cliLogs = async (...args: string[]) => {
    const { stdout, stderr } = await run(DOCKER, ['-H', lab.host, 'service', 'logs', ...args], { encoding: 'utf8' });
    return { stdout: stdout.split('\n').filter(Boolean).sort(), stderr: stderr.split('\n').filter(Boolean).sort() };
  };

  before(async function () {
    lab = labs.get(SMALL);
    docker = dockerFor(lab.host);
    await removeTestServices(docker);
    ops = await labOperations(lab.host);
    store = ops.store;
  });

  after(async () => {
    ops?.dispose();
    if (docker) await removeTestServices(docker);
  });

  it('prefix a 12-replica service\'s lines exactly as docker service logs does, stdout and stderr', async () => {
    const id = await service('it-logs', 12, printer(6));
    await waitFor('all lines written', async () => (await cliLogs('it-logs')).stdout.length === 72, 30_000);
    const { entries } = await collect({ kind: 'service', id }, false);
    const cli = await cliLogs('it-logs');
    assert.deepEqual(lines(entries, 'stdout'), cli.stdout);
    assert.deepEqual(lines(entries, 'stderr'), cli.stderr);
    assert.ok(cli.stdout.some((l) => /^it-logs\.1\.\w{12}@node\d {5}\| /.test(l)), 'slot 1 of 12 is padded by one space');
  });

  it('prefix a task\'s lines as docker service logs <task> does', async () => {
    const task = store.all('task').find((t) => store.get('service', t.serviceId)?.name === 'it-logs' && t.slot === 11 && t.state === 'running');
    assert.ok(task);
    const { entries } = await collect({ kind: 'task', id: task.id }, false);
    assert.deepEqual(lines(entries, 'stdout'), (await cliLogs(task.id)).stdout);
  });

  it('read a TTY service\'s raw stream (the CLI shows it only with --raw)', async () => {
    const id = await service('it-logs-tty', 1, printer(3), true);
    await waitFor('TTY lines written', async () => (await cliLogs('--raw', 'it-logs-tty')).stdout.length === 4, 30_000);
    const { entries } = await collect({ kind: 'service', id }, false);
    const raw = (await cliLogs('--raw', 'it-logs-tty')).stdout.map((l) => l.replace(/\r$/, '')).sort();
    assert.deepEqual(entries.map((e) => (e.kind === 'line' ? e.message : '')).sort(), raw);
    assert.ok(entries.every((e) => e.kind === 'line' && /^it-logs-tty\.1\.\w{12}@node\d {4}\| $/.test(e.prefix)));
    await assert.rejects(cliLogs('it-logs-tty'), /tty service logs only supported with --raw/);
  });

  it('follow new lines, and stop reading when stopped', async () => {
    const id = await service('it-logs-follow', 2, printer(0, true));
    const ticks = (e: LogEntry[]) => e.filter((x) => x.kind === 'line' && x.message.startsWith('tick')).length;
    const { entries, ended, session } = await collect({ kind: 'service', id }, true, (e) => ticks(e) >= 10);
    const seen = ticks(entries);
    await new Promise((r) => setTimeout(r, 800));
    assert.ok(ticks(entries) > seen, 'new lines keep coming while following');
    session.stop();
    const atStop = entries.length;
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal(entries.length, atStop, 'nothing arrives after stop');
    assert.equal(ended(), undefined, 'a stopped stream does not report an end');
  });

  it('end a followed stream that goes silent, by the liveness check, saying why', async () => {
    const service = store.all('service').find((s) => s.name === 'it-logs-follow');
    assert.ok(service);
    const proxy = await SocketProxy.start(lab.host);
    try {
      const api = new DockerSwarmApi(dockerFor(proxy.host), proxy.host, 1_000);
      const entries: LogEntry[] = [];
      let ended: Error | undefined;
      const session = new LogSession(new DockerLogStreams(api, 300), store, api, { kind: 'service', id: service.id }, { follow: true, tail: 1 });
      await session.start({ onEntries: (e) => entries.push(...e), onEnd: (error) => { ended = error ?? new Error('ended without error'); } });
      await waitFor('lines through the proxy', () => entries.length > 2, 30_000);
      proxy.freeze();
      const t0 = Date.now();
      await waitFor('the liveness check to end the stream', () => ended !== undefined, 15_000);
      assert.match(ended?.message ?? '', /stopped answering/);
      console.log(`      liveness: the silent stream was ended ${Date.now() - t0} ms after the link froze`);
    } finally {
      await proxy.close();
    }
  });

  it('refuse an unknown service with the Engine\'s message', async () => {
    const session = new LogSession(streams(), store, apiFor(lab.host), { kind: 'service', id: 'nosuchservice' }, { follow: true, tail: 10 });
    await assert.rejects(session.start({ onEntries: () => undefined, onEnd: () => undefined }), /service nosuchservice not found|no such service/i);
  });
});
