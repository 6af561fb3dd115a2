// Node actions on a 3-manager, 2-worker lab, driven as the command runner drives them; the Engine
// (and the docker CLI) say whether they did what they said.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { activateNode, drainNode, pauseNode } from '../../src/operations/node/availability';
import { addNodeLabel, removeNodeLabels } from '../../src/operations/node/labels';
import { demoteNode, promoteNode } from '../../src/operations/node/role';
import { dockerFor, removeTestServices, waitFor } from '../support/engine';
import { labs, OPS, type Lab } from '../support/lab';
import { labOperations, refusal, runOperation, type LabOperations } from '../support/operations';

const run = promisify(execFile);
const DOCKER = '/usr/local/bin/docker';

interface EngineNode { ID: string; Description: { Hostname: string }; Spec: { Role: string; Availability: string; Labels: Record<string, string> }; ManagerStatus?: { Leader?: boolean } }
interface EngineTask { ID: string; NodeID?: string; ServiceID: string; DesiredState: string; Status: { State: string } }

describe('node operations', function () {
  this.timeout(180_000);
  let lab: Lab;
  let docker: Docker;
  let ops: LabOperations;
  const ids = new Map<string, string>();

  /** The Engine's node list, from whichever lab manager answers as one (node1 may just have been demoted). */
  const engineNodes = async (): Promise<EngineNode[]> => {
    for (const i of [1, 2, 3]) {
      try { return (await (i === 1 ? docker : dockerFor(lab.node(i).host)).listNodes()) as EngineNode[]; } catch { /* a worker now: try the next */ }
    }
    throw new Error('no lab manager answers');
  };
  const engineNode = async (hostname: string): Promise<EngineNode> => {
    const n = (await engineNodes()).find((x) => x.Description.Hostname === hostname);
    assert.ok(n, hostname);
    return n;
  };
  const id = (hostname: string): string => ids.get(hostname) ?? assert.fail(`no ${hostname}`);
  /**
   * Until the node's own engine agrees with its new role: Raft membership changes one at a time,
   * and a membership change sent while the last one is still settling can stall the Raft group.
   */
  const settled = async (hostname: string, role: 'manager' | 'worker'): Promise<void> => {
    const own = dockerFor(lab.node(Number(hostname.slice(4))).host);
    await waitFor(`${hostname} answers as a ${role}`, async () => {
      const info = (await own.info()) as { Swarm?: { ControlAvailable?: boolean } };
      return (info.Swarm?.ControlAvailable === true) === (role === 'manager') && (role === 'worker' || (await own.listNodes().then(() => true, () => false)));
    }, 90_000);
  };
  const managers = async (): Promise<number> => (await engineNodes()).filter((n) => n.Spec.Role === 'manager').length;

  before(async () => {
    lab = labs.get(OPS);
    docker = dockerFor(lab.host);
    await removeTestServices(docker);
    for (const n of await engineNodes()) ids.set(n.Description.Hostname, n.ID);
    ops = await labOperations(lab.host);
  });
  after(async () => {
    ops?.dispose();
    if (docker) await removeTestServices(docker);
  });

  /** Whatever a test left behind: three managers (promoted one at a time), every node active, no test label. */
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.log(ops.log.text());
    const manager = (await engineNodes()).find((n) => n.ManagerStatus?.Leader)?.Description.Hostname ?? 'node1';
    const D = (...args: string[]) => run(DOCKER, ['-H', lab.node(Number(manager.slice(4))).host, ...args]);
    for (const n of await engineNodes()) {
      if (n.Spec.Role !== 'manager' && ['node1', 'node2', 'node3'].includes(n.Description.Hostname)) {
        await D('node', 'promote', n.Description.Hostname);
        await settled(n.Description.Hostname, 'manager');
      }
      if (n.Spec.Availability !== 'active') await D('node', 'update', '--availability', 'active', n.Description.Hostname);
      if ('zone' in (n.Spec.Labels ?? {})) await D('node', 'update', '--label-rm', 'zone', n.Description.Hostname);
    }
  });

  it('the quorum guard: 3 → 2 managers warned with the numbers, the last manager refused before anything is sent', async () => {
    const demote3 = await runOperation(demoteNode(ops.ctx, id('node3')));
    assert.match(demote3.check.warnings[0]?.detail ?? '', /Managers: 3 → 2 [\s\S]*2 managers tolerate 0 failures/);
    assert.equal((await engineNode('node3')).Spec.Role, 'worker');
    await settled('node3', 'worker');

    const demote2 = await runOperation(demoteNode(ops.ctx, id('node2')));
    assert.equal(demote2.check.warnings.length, 0, '2 → 1 adds no risk: 2 tolerated none either');
    assert.equal(await managers(), 1);
    await settled('node2', 'worker');

    const reason = await refusal(demoteNode(ops.ctx, id('node1')));
    assert.match(reason, /node1 is the only manager/);
    // Our refusal says first what the Engine would answer.
    const cur = await ops.ctx.api.inspectNode(id('node1'));
    const engine = await ops.ctx.api.updateNode(id('node1'), cur.version, { ...cur.spec, Role: 'worker' }).then(() => 'accepted', (e: { json?: { message?: string } }) => e.json?.message ?? '');
    // dockerd 20.10 answers one of the two, depending on whether the demoted managers have left the Raft group yet.
    assert.match(engine, /attempting to demote the last manager of the swarm|would result in a loss of quorum/);
    assert.equal(await managers(), 1, 'still a manager');

    const promote2 = await runOperation(promoteNode(ops.ctx, id('node2')));
    assert.match(promote2.check.warnings[0]?.detail ?? '', /Managers: 1 → 2 [\s\S]*tolerate no failure/);
    await settled('node2', 'manager');
    const promote3 = await runOperation(promoteNode(ops.ctx, id('node3')));
    assert.equal(promote3.check.warnings.length, 0);
    await settled('node3', 'manager');
    assert.equal(await managers(), 3);
    assert.match(ops.log.text(), /\$ docker node demote node3[\s\S]*\$ docker node promote node3/);
  });

  it('demoting the leader waits out the election and reports the new leader', async function () {
    const leader = (await engineNodes()).find((n) => n.ManagerStatus?.Leader)?.Description.Hostname ?? assert.fail('no leader');
    const other = ['node1', 'node2', 'node3'].find((h) => h !== leader) ?? '';
    const via = await labOperations(lab.node(Number(other.slice(4))).host, { waitMs: 90_000 });
    try {
      const t0 = Date.now();
      const demoted = await runOperation(demoteNode(via.ctx, id(leader)));
      console.log(`      demoting the leader: ${((Date.now() - t0) / 1000).toFixed(1)} s until the store showed a new leader`);
      assert.match(demoted.check.confirm.detail ?? '', new RegExp(`${leader} is the leader\\. A new leader will be elected`));
      assert.ok(demoted.progress.some((p) => /new leader will be elected/.test(p)));
      assert.match(demoted.outcome.message, new RegExp(`${leader} is a worker now; .*New leader: node[123]`));
      const elected = (await engineNodes()).find((n) => n.ManagerStatus?.Leader)?.Description.Hostname;
      assert.ok(elected && elected !== leader && demoted.outcome.message.endsWith(`New leader: ${elected}.`), `the Engine's leader is ${elected}`);
      await settled(leader, 'worker');
      const t1 = Date.now();
      await runOperation(promoteNode(via.ctx, id(leader)));
      console.log(`      promoting it back: ${((Date.now() - t1) / 1000).toFixed(1)} s until it was a reachable manager`);
      await settled(leader, 'manager');
    } finally {
      via.dispose();
    }
    ops.dispose();
    // A demoted and re-promoted leader may take a while before it answers manager calls again.
    await waitFor('node1 answers as a manager', async () => docker.listNodes().then(() => true, () => false), 60_000);
    ops = await labOperations(lab.host);
  });

  it('drain says what moves, follows the tasks until none runs there; activate brings the node back', async () => {
    const web = await docker.createService({
      Name: 'it-drain-web', Labels: { 'swarm-operator.test': '1' },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true }, Placement: { Constraints: ['node.role==worker'] } },
      Mode: { Replicated: { Replicas: 4 } },
    });
    await docker.createService({
      Name: 'it-drain-global', Labels: { 'swarm-operator.test': '1' },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true } }, Mode: { Global: {} },
    });
    const running = async (): Promise<EngineTask[]> => ((await docker.listTasks({ filters: JSON.stringify({ 'desired-state': ['running'] }) })) as EngineTask[])
      .filter((t) => t.Status.State === 'running');
    await waitFor('4 + 5 tasks running', async () => (await running()).length === 9, 60_000);
    const onNode4 = (await running()).filter((t) => t.NodeID === id('node4') && t.ServiceID === web.id).length;
    await waitFor('the store holds them', () => ops.store.all('task').filter((t) => t.state === 'running' && t.desiredState === 'running').length === 9, 30_000);

    const drain = drainNode(ops.ctx, id('node4'));
    const ran = await runOperation(drain);
    assert.equal(ran.check.confirm.message, `Drain node4 on ${lab.host}?`);
    assert.match(ran.check.confirm.detail ?? '', new RegExp(`^${onNode4} running tasks? of 1 service will be rescheduled; 1 global task will stop`));
    assert.match(ran.outcome.message, /node4 is drained/);
    // The Engine: nothing of ours runs on node4; web's 4 replicas run on node5 (the only other worker).
    const after = await running();
    assert.equal(after.filter((t) => t.NodeID === id('node4')).length, 0);
    await waitFor('web back to 4 on node5', async () => (await running()).filter((t) => t.ServiceID === web.id && t.NodeID === id('node5')).length === 4, 30_000);

    // A task that no other node can take: said before, and reported after.
    await docker.createService({
      Name: 'it-drain-pinned', Labels: { 'swarm-operator.test': '1' },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true }, Placement: { Constraints: ['node.hostname==node5'] } },
      Mode: { Replicated: { Replicas: 1 } },
    });
    await waitFor('the store shows it running', () => ops.store.all('task').some((t) => t.state === 'running' && ops.store.get('service', t.serviceId)?.name === 'it-drain-pinned'), 30_000);
    const pinned = await runOperation(drainNode(ops.ctx, id('node5')));
    assert.match(pinned.check.confirm.detail ?? '', /it-drain-pinned\.1: no other active node meets node\.hostname==node5/);
    assert.equal(pinned.outcome.warning, true);
    assert.match(pinned.outcome.message, /cannot be placed: .*it-drain-pinned\.1: no suitable node/);

    assert.match(await refusal(drainNode(ops.ctx, id('node5'))), /node5 is drained already/);
    await runOperation(activateNode(ops.ctx, id('node4')));
    await runOperation(activateNode(ops.ctx, id('node5')));
    assert.equal((await engineNode('node4')).Spec.Availability, 'active');
    await waitFor('the pinned task runs again', async () => (await running()).some((t) => t.NodeID === id('node5')), 30_000);
  });

  it('pause keeps tasks, activate undoes it; the logged CLI command does the same on the real CLI', async () => {
    const paused = await runOperation(pauseNode(ops.ctx, id('node5')));
    assert.match(paused.outcome.message, /node5 is paused/);
    assert.equal((await engineNode('node5')).Spec.Availability, 'pause');
    await runOperation(activateNode(ops.ctx, id('node5')));
    const cli = /\$ (docker node update --availability pause node5)/.exec(ops.log.text())?.[1];
    assert.ok(cli);
    await run(DOCKER, ['-H', lab.host, ...cli.split(' ').slice(1)]);
    assert.equal((await engineNode('node5')).Spec.Availability, 'pause');
    await waitFor('the store shows the CLI\'s pause', () => ops.store.get('node', id('node5'))?.availability === 'pause', 10_000);
    await runOperation(activateNode(ops.ctx, id('node5')));
  });

  it('labels: add, replace (said so), remove (naming the services whose constraints use it)', async () => {
    await runOperation(addNodeLabel(ops.ctx, id('node5'), { key: 'zone', value: 'a' }));
    assert.equal((await engineNode('node5')).Spec.Labels['zone'], 'a');
    const replace = await runOperation(addNodeLabel(ops.ctx, id('node5'), { key: 'zone', value: 'b' }));
    assert.match(replace.check.confirm.detail ?? '', /replaces zone=a/);
    await docker.createService({
      Name: 'it-zone', Labels: { 'swarm-operator.test': '1' },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true }, Placement: { Constraints: ['node.labels.zone==b'] } },
      Mode: { Replicated: { Replicas: 1 } },
    });
    await waitFor('the store has it-zone', () => ops.store.all('service').some((s) => s.name === 'it-zone'), 10_000);
    const rm = removeNodeLabels(ops.ctx, id('node5'), ['zone']);
    assert.equal(rm.destructive, true);
    const removed = await runOperation(rm);
    assert.match(removed.check.confirm.detail ?? '', /it-zone \(node\.labels\.zone==b\)/);
    assert.equal((await engineNode('node5')).Spec.Labels['zone'], undefined);
    assert.match(await refusal(removeNodeLabels(ops.ctx, id('node5'), ['zone'])), /has no label zone/);
  });
});
