// The cluster store against a real swarm of dockerd processes (scripts/lab): no mocked Docker.
import assert from 'node:assert/strict';
import type Docker from 'dockerode';
import { KINDS } from '../../src/domain/model';
import { ClusterStore } from '../../src/store/clusterStore';
import { apiFor, createTestService, dockerFor, removeTestServices, scaleService, waitFor } from '../support/engine';
import { labs, SMALL, type Lab } from '../support/lab';

describe('ClusterStore on a real swarm', function () {
  let docker: Docker;
  let store: ClusterStore;
  let serviceId: string;
  let lab: Lab;

  before(async function () {
    lab = labs.get(SMALL);
    docker = dockerFor(lab.host);
    await removeTestServices(docker);
    serviceId = await createTestService(docker, 'it-web', 3);
    store = new ClusterStore(apiFor(lab.host), { fastTaskPollMs: 500, slowTaskPollMs: 10_000, backoffMaxMs: 2_000 });
    store.start();
    await waitFor('store live', () => store.connection.status === 'live', 30_000);
  });

  after(async function () {
    store?.dispose();
    if (docker) await removeTestServices(docker);
  });

  /** Every kind in the store has exactly the ids a fresh list from the engine has. */
  async function assertMatchesEngine(): Promise<void> {
    const truth = apiFor(lab.host);
    for (const kind of KINDS) {
      const want = (await truth.list(kind)).map((o) => o.id).sort();
      const have = store.all(kind).map((o) => o.id).sort();
      if (kind === 'task') continue; // tasks move between two polls; compared by service below
      assert.deepEqual(have, want, `${kind} ids`);
    }
  }

  it('lists the 3-node lab: one leader manager, two workers, all ready', async function () {
    const nodes = store.all('node');
    assert.equal(nodes.length, 3);
    const managers = nodes.filter((n) => n.role === 'manager');
    assert.equal(managers.length, 1);
    assert.equal(managers[0]?.managerStatus?.leader, true);
    assert.ok(nodes.every((n) => n.state === 'ready' && n.availability === 'active'));
    assert.ok(store.all('network').some((n) => n.ingress), 'the ingress network is listed');
    await assertMatchesEngine();
    const c = store.connection;
    assert.ok(c.status === 'live' && c.info.nodes === 3 && c.info.managers === 1);
  });

  it('sees the tasks of a new service start on the nodes', async function () {
    await waitFor('3 running tasks', () => store.all('task')
      .filter((t) => t.serviceId === serviceId && t.state === 'running').length === 3, 30_000);
    const nodes = new Set(store.all('task').filter((t) => t.serviceId === serviceId).map((t) => t.nodeId));
    assert.ok(nodes.size >= 2, 'spread over several nodes');
  });

  it('a scale made outside the extension reaches the store through the event stream, not a re-list', async function () {
    const before = store.stats;
    await scaleService(docker, serviceId, 5);
    await waitFor('replicas 5 in the store', () => {
      const s = store.get('service', serviceId);
      return s?.mode.kind === 'replicated' && s.mode.replicas === 5;
    }, 10_000);
    const after = store.stats;
    assert.equal(after.fullLists.service, before.fullLists.service, 'no full re-list of services');
    assert.ok(after.partialLists.service > before.partialLists.service, 'fetched just that service');
    assert.ok(after.events > before.events, 'driven by an event');
    await waitFor('5 running tasks', () => store.all('task')
      .filter((t) => t.serviceId === serviceId && t.state === 'running' && t.desiredState === 'running').length === 5, 30_000);
  });

  it('reconnects and resyncs by itself after the daemon is stopped and started', async function () {
    if (!lab.controllable) this.skip(); // only the project's own lab may be restarted
    this.timeout(180_000);
    const before = store.stats;
    lab.stopNode(1);
    await waitFor('stale', () => store.connection.status === 'stale', 30_000);
    const s = store.connection;
    assert.ok(s.status === 'stale');
    assert.equal(s.error.kind, 'unreachable');
    assert.ok(s.error.message.includes(lab.host), 'the error names the endpoint');
    assert.equal(store.all('node').length, 3, 'last known state is kept while disconnected');
    lab.startNode(1);
    await waitFor('live again', () => store.connection.status === 'live', 90_000);
    const after = store.stats;
    assert.ok(after.resyncs > before.resyncs, 'resynced by listing');
    assert.ok(after.reconnects > before.reconnects);
    await assertMatchesEngine();
    // And the stream works again: a new change arrives by event.
    await scaleService(docker, serviceId, 2);
    await waitFor('replicas 2 after reconnect', () => {
      const svc = store.get('service', serviceId);
      return svc?.mode.kind === 'replicated' && svc.mode.replicas === 2;
    }, 15_000);
  });
});
