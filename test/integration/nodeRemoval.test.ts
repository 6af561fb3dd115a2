// Removing nodes safely, and the swarm membership actions that bring them back, on the
// 3-manager, 2-worker lab: a worker whose engine we cannot reach (the user runs `docker swarm leave`
// on it while the action waits), a worker that leaves through its own endpoint, and a manager
// reached through a Docker context made by the real docker CLI. Each joins again afterwards.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { nodeResolveInput } from '../../src/docker/dockerOptions';
import { ContextNodeEngines } from '../../src/docker/nodeEngines';
import { removeNode } from '../../src/operations/node/remove';
import { joinSwarm } from '../../src/operations/swarm/join';
import { leaveSwarm } from '../../src/operations/swarm/leave';
import { rotateJoinToken } from '../../src/operations/swarm/rotateToken';
import { dockerFor, removeTestServices, waitFor } from '../support/engine';
import { labs, OPS, type Lab } from '../support/lab';
import { labOperations, MemoryLog, runOperation, type LabOperations } from '../support/operations';

const run = promisify(execFile);
const DOCKER = '/usr/local/bin/docker';

interface EngineNode { ID: string; Description: { Hostname: string }; Spec: { Role: string }; Status: { State: string }; ManagerStatus?: { Reachability?: string } }

describe('node removal and swarm membership', function () {
  this.timeout(240_000);
  let lab: Lab;
  let docker: Docker;
  let ops: LabOperations;
  let config: string;

  const engineNodes = async (): Promise<EngineNode[]> => (await docker.listNodes()) as EngineNode[];
  const idOf = async (hostname: string): Promise<string> => {
    await ops.store.refresh();
    return (await engineNodes()).find((n) => n.Description.Hostname === hostname && n.Status.State !== 'down')?.ID ?? assert.fail(hostname);
  };
  const tokens = async (): Promise<{ worker: string; manager: string }> => (await ops.ctx.api.inspectSwarm()).joinTokens;

  /** Joins lab node i again through the join action on its own endpoint. */
  async function rejoin(i: number, role: 'worker' | 'manager'): Promise<void> {
    const own = await labOperations(lab.node(i).host, { anyState: true });
    try {
      const joined = await runOperation(joinSwarm(own.ctx, {
        remoteAddrs: [`${lab.node(1).addr}:2377`], joinToken: (await tokens())[role], advertiseAddr: lab.node(i).addr, listenAddr: '0.0.0.0:2377',
      }));
      assert.match(joined.outcome.message, new RegExp(`joined the swarm at .* as a ${role}`));
      assert.match(own.log.text(), /\$ docker swarm join --token '<token>' --advertise-addr/);
      assert.doesNotMatch(own.log.text(), /SWMTKN/, 'the token is not logged');
    } finally {
      own.dispose();
    }
    await waitFor(`node${i} is back and ready`, async () => (await engineNodes()).some((n) => n.Description.Hostname === `node${i}` && n.Status.State === 'ready'
      && (role === 'worker' || n.ManagerStatus?.Reachability === 'reachable')), 90_000);
  }

  before(async () => {
    lab = labs.get(OPS);
    docker = dockerFor(lab.host);
    await removeTestServices(docker);
    config = fs.mkdtempSync(path.join(os.tmpdir(), 'swarm-contexts-'));
    const engines = new ContextNodeEngines(new MemoryLog(), { input: { ...nodeResolveInput(), env: { ...process.env, DOCKER_CONFIG: config, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined } } });
    ops = await labOperations(lab.host, { engines, waitMs: 90_000 });
    await docker.createService({ Name: 'it-spread', Labels: { 'swarm-operator.test': '1' }, Mode: { Replicated: { Replicas: 4 } },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true } } });
  });
  after(async () => {
    ops?.dispose();
    if (config) fs.rmSync(config, { recursive: true, force: true });
    if (docker) await removeTestServices(docker);
  });

  it('a worker no endpoint reaches: drained, then the user runs "docker swarm leave" on it while the action waits, then removed', async () => {
    const id = await idOf('node5');
    const op = removeNode(ops.ctx, id);
    const check = await op.check();
    assert.ok(check.kind === 'proceed');
    assert.match(check.confirm.detail ?? '', /1\. Drain it: .*\n2\. Have it leave: no Docker context reaches node5, so you run "docker swarm leave" on it while this waits\.\n3\. Wait until it is down, then remove it\./);
    const progress: string[] = [];
    let left = false;
    const t0 = Date.now();
    const outcome = await op.run({ report: (m) => {
      progress.push(m);
      if (!left && /Run "docker swarm leave" on node5/.test(m)) { left = true; void run(DOCKER, ['-H', lab.node(5).host, 'swarm', 'leave']); }
    } }, new AbortController().signal);
    console.log(`      safe removal of a worker (user leaves): ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    assert.equal(outcome.message, `node5 was removed from ${lab.host} (drain node5, node5 leaves the swarm, node5 is down, remove node5).`);
    assert.ok(!(await engineNodes()).some((n) => n.ID === id), 'the Engine no longer lists it');
    await rejoin(5, 'worker');
  });

  it('a worker leaves through its own endpoint (Leave Swarm), then Remove takes the down node as it is', async () => {
    const own = await labOperations(lab.node(4).host, { anyState: true });
    let id: string;
    try {
      id = await idOf('node4');
      const left = await runOperation(leaveSwarm(own.ctx));
      assert.equal(left.check.warnings.length, 0, 'a worker leaves without --force');
      assert.match(own.log.text(), /\$ docker swarm leave\n/);
    } finally {
      own.dispose();
    }
    await waitFor('node4 down', async () => (await engineNodes()).some((n) => n.ID === id && n.Status.State === 'down'), 60_000);
    await waitFor('the store shows it down', () => ops.store.get('node', id)?.state === 'down', 10_000);
    const removed = await runOperation(removeNode(ops.ctx, id));
    assert.match(removed.check.confirm.detail ?? '', /node4 is down; it is removed from the node list/);
    await rejoin(4, 'worker');
  });

  it('a manager through a Docker context: the quorum warning, drain, demote, leave there, down, removed; it joins back as a manager', async () => {
    await run(DOCKER, ['context', 'create', 'ha-node3', '--docker', `host=${lab.node(3).host}`], { env: { ...process.env, DOCKER_CONFIG: config } });
    const id = await idOf('node3');
    const op = removeNode(ops.ctx, id);
    const check = await op.check();
    assert.ok(check.kind === 'proceed');
    assert.match(check.confirm.detail ?? '', /2\. Demote it: Managers: 3 → 2 .*\n3\. Have it leave the swarm through Docker context "ha-node3"/);
    assert.match(check.warnings[0]?.detail ?? '', /2 managers tolerate no failure/);
    const t0 = Date.now();
    const outcome = await op.run({ report: () => undefined }, new AbortController().signal);
    console.log(`      safe removal of a manager (through its context): ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    assert.match(outcome.message, /node3 was removed .*\(drain node3, demote node3, node3 leaves the swarm, node3 is down, remove node3\)/);
    assert.ok(!(await engineNodes()).some((n) => n.ID === id));
    assert.equal((await engineNodes()).filter((n) => n.Spec.Role === 'manager').length, 2);
    assert.match(ops.log.text(), new RegExp(`\\$ docker -H ${lab.node(3).host.replace(/\//g, '\\/')} swarm leave`));
    await rejoin(3, 'manager');
  });

  it('rotate the worker join token: the Engine gives a new one', async () => {
    const before = await tokens();
    await runOperation(rotateJoinToken(ops.ctx, 'worker'));
    const after = await tokens();
    assert.notEqual(after.worker, before.worker);
    assert.equal(after.manager, before.manager);
  });
});
