// What the user is told when the endpoint cannot serve the cluster, against real daemons.
import assert from 'node:assert/strict';
import { classifyError } from '../../src/domain/errors';
import { ClusterStore } from '../../src/store/clusterStore';
import { apiFor, waitFor } from '../support/engine';
import { labs, SMALL, type Lab } from '../support/lab';

describe('connection errors from real endpoints', function () {
  let store: ClusterStore | undefined;
  let lab: Lab;
  before(() => { lab = labs.get(SMALL); });
  afterEach(() => store?.dispose());

  async function errorOf(host: string) {
    store = new ClusterStore(apiFor(host), { backoffBaseMs: 5_000 });
    store.start();
    await waitFor('stale', () => store?.connection.status === 'stale', 15_000);
    const s = store.connection;
    assert.ok(s.status === 'stale');
    return s.error;
  }

  it('a socket nobody listens on: not reachable, naming the endpoint', async function () {
    const err = await errorOf('unix:///run/swarm-lab/nobody.sock');
    assert.equal(err.kind, 'unreachable');
    assert.match(err.message, /unix:\/\/\/run\/swarm-lab\/nobody\.sock is not reachable/);
    assert.match(err.hint, /swarm\.dockerHost/);
  });

  it('a worker: cannot serve cluster calls, promote it or connect to a manager', async function () {
    if (!lab.workerHost) this.skip();
    const err = await errorOf(lab.workerHost);
    assert.equal(err.kind, 'worker');
    assert.ok(err.message.includes(lab.workerHost));
    assert.match(err.hint, /manager/);
  });

  it('a cluster call answered by a worker (HTTP 503) is classified the same way', async function () {
    if (!lab.workerHost) this.skip();
    const workerHost = lab.workerHost;
    const failure = await apiFor(workerHost).list('node').then(() => undefined, (e: unknown) => e);
    assert.ok(failure, 'a worker refuses /nodes');
    const err = classifyError(failure, workerHost);
    assert.equal(err.kind, 'worker');
  });
});
