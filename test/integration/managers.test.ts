// A swarm of three managers stays operable when one dies. Against a 3-manager lab (per-node
// sockets): stopping the leader reads as "electing a leader" while the managers elect a new one, and
// the store catches up by itself; stopping the manager the store talks to moves it to another
// manager of the same swarm, which it says, and it moves back only when asked (a new store).
import assert from 'node:assert/strict';
import { DockerSwarmApi } from '../../src/docker/dockerSwarmApi';
import { createDocker } from '../../src/docker/modem';
import { ClusterStore } from '../../src/store/clusterStore';
import type { ConnectionState } from '../../src/store/types';
import { dockerFor, waitFor } from '../support/engine';
import { labs, type Lab, type LabNode } from '../support/lab';
import { CALL_TIMEOUT_MS, differences, FAULT_TIMINGS } from '../support/faultChecks';

describe('three managers: leader loss and failover', function () {
  this.timeout(240_000);
  let lab: Lab;
  const stores: ClusterStore[] = [];
  const stopped = new Set<number>();

  before(function () {
    lab = labs.get({ managers: 3, workers: 2 });
    if (!lab.controllable) this.skip();
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) s.dispose();
    for (const i of [...stopped]) { lab.startNode(i); stopped.delete(i); }
  });

  const managers = (): LabNode[] => lab.nodes.filter((n) => n.role === 'manager');
  const apiOf = (n: LabNode): DockerSwarmApi =>
    new DockerSwarmApi(createDocker({ socketPath: n.host.replace(/^unix:\/\//, '') }), n.host, CALL_TIMEOUT_MS);

  async function leader(): Promise<LabNode> {
    for (const n of managers()) {
      if (stopped.has(n.index)) continue;
      const nodes = await dockerFor(n.host).listNodes().catch(() => []) as { Description?: { Hostname?: string }; ManagerStatus?: { Leader?: boolean } }[];
      const l = nodes.find((x) => x.ManagerStatus?.Leader);
      const found = managers().find((m) => `node${m.index}` === l?.Description?.Hostname);
      if (found) return found;
    }
    throw new Error('no leader');
  }

  function start(primary: LabNode, alternates: readonly LabNode[] = []): { store: ClusterStore; states: ConnectionState[] } {
    const others = alternates.map(apiOf);
    const store = new ClusterStore(apiOf(primary), { ...FAULT_TIMINGS, slowTaskPollMs: 1000 }, () => others);
    stores.push(store);
    const states: ConnectionState[] = [];
    store.onDidChangeConnection((s) => states.push(s));
    store.start();
    return { store, states };
  }

  function stop(n: LabNode): void {
    lab.stopNode(n.index);
    stopped.add(n.index);
  }

  async function matchesEngine(store: ClusterStore, via: LabNode, ms: number): Promise<void> {
    const truth = apiOf(via);
    await waitFor('equal to a fresh listing', async () => store.connection.status === 'live' && (await differences(store, truth)).length === 0, ms);
  }

  it('the leader stops: "electing a leader" with the time so far, then live by itself with the new leader', async function () {
    const old = await leader();
    const via = managers().find((m) => m.index !== old.index) as LabNode;
    const { store, states } = start(via);
    await waitFor('live', () => store.connection.status === 'live', 30_000);
    stop(old);
    await waitFor('electing', () => states.some((s) => s.status === 'stale' && s.error.kind === 'electing'), 30_000);
    const electing = states.find((s) => s.status === 'stale' && s.error.kind === 'electing');
    assert.ok(electing?.status === 'stale');
    assert.match(electing.error.message, /^The swarm is electing a leader \(\d+ s so far; asked unix:\/\/.*node\d\.sock\)\.$/);
    await matchesEngine(store, via, 90_000);
    const now = await leader();
    assert.notEqual(now.index, old.index);
    const shownLeader = store.all('node').find((n) => n.managerStatus?.leader);
    assert.equal(shownLeader?.hostname, `node${now.index}`, 'the store shows the new leader');
    assert.equal(store.endpointLabel, via.host, 'no need to move: the manager in use answered again');
  });

  it('the manager in use stops: the store moves to another manager of the swarm, says so, and stays there', async function () {
    const [first, ...rest] = managers();
    assert.ok(first);
    const { store } = start(first, rest);
    await waitFor('live', () => store.connection.status === 'live', 30_000);
    const before = store.stats.failovers;
    stop(first);
    await waitFor('live through another manager', () => store.connection.status === 'live' && store.endpointLabel !== first.host, 90_000);
    const s = store.connection;
    assert.ok(s.status === 'live' && s.failover);
    assert.equal(s.failover.from, 'node1');
    assert.ok(rest.some((n) => `node${n.index}` === s.failover?.to && n.host === s.failover.endpoint), JSON.stringify(s.failover));
    assert.equal(store.stats.failovers, before + 1);
    const through = rest.find((n) => n.host === store.endpointLabel) as LabNode;
    await matchesEngine(store, through, 60_000);
    const down = store.all('node').find((n) => n.hostname === 'node1');
    await waitFor('node1 seen down', () => store.all('node').find((n) => n.hostname === 'node1')?.managerStatus?.reachability === 'unreachable', 60_000);
    assert.ok(down);
    // node1 comes back: the store stays where it is until asked.
    lab.startNode(first.index);
    stopped.delete(first.index);
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(store.endpointLabel, through.host);
    // Asked (Reconnect makes a new store on the configured endpoint): back on node1.
    const again = start(first, rest).store;
    await waitFor('live on node1', () => again.connection.status === 'live', 60_000);
    assert.equal(again.endpointLabel, first.host);
    const c = again.connection;
    assert.ok(c.status === 'live' && !c.failover);
  });

  it('a manager of another swarm is never a failover target', async function () {
    const [first] = managers();
    assert.ok(first);
    const small = labs.get({ managers: 1, workers: 2 });
    const elsewhere = small.node(1);
    const { store } = start(first, [elsewhere]);
    await waitFor('live', () => store.connection.status === 'live', 30_000);
    stop(first);
    await waitFor('stale', () => store.connection.status === 'stale', 30_000);
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(store.connection.status, 'stale');
    assert.equal(store.endpointLabel, first.host);
  });
});
