// Real faults between the store and a real engine: a TCP proxy on 127.0.0.1 in front of the lab
// manager's socket hangs answers, drops connections mid-body, delays, cuts the event stream
// silently and refuses connections; the lab's dockerd is stopped and started. During each fault the
// cluster changes behind the store's back. For each, the store must mark its data stale while it
// cannot trust it (never show the old data as live past the detection bound), and come back to
// `live` by itself — no Reconnect, no Refresh — with data equal to a fresh listing from the engine.
import assert from 'node:assert/strict';
import type Docker from 'dockerode';
import { DockerSwarmApi } from '../../src/docker/dockerSwarmApi';
import { createDocker } from '../../src/docker/modem';
import { ClusterStore } from '../../src/store/clusterStore';
import { CALL_TIMEOUT_MS, differences, FAULT_TIMINGS } from '../support/faultChecks';
import { apiFor, createTestService, dockerFor, removeTestServices, scaleService, waitFor } from '../support/engine';
import { FaultProxy, type Fault } from '../support/faultProxy';
import { labs, SMALL, type Lab } from '../support/lab';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Sample { readonly t: number; readonly status: string; readonly replicas: number | undefined }

describe('the store under real faults (proxy, dockerd restart)', function () {
  let lab: Lab;
  let docker: Docker;
  let truth: DockerSwarmApi;
  let proxy: FaultProxy;
  let store: ClusterStore;
  let serviceId: string;
  let replicas = 1;

  before(async function () {
    lab = labs.get(SMALL);
    docker = dockerFor(lab.host);
    truth = apiFor(lab.host);
    await removeTestServices(docker);
    serviceId = await createTestService(docker, 'it-faults', replicas);
    proxy = new FaultProxy(lab.host.replace(/^unix:\/\//, ''));
    await proxy.start();
    const api = new DockerSwarmApi(createDocker({ protocol: 'http', host: '127.0.0.1', port: proxy.port }), proxy.host, CALL_TIMEOUT_MS);
    store = new ClusterStore(api, FAULT_TIMINGS);
    store.start();
    await waitFor('live', () => store.connection.status === 'live', 30_000);
  });

  after(async function () {
    store?.dispose();
    await proxy?.stop();
    if (docker) await removeTestServices(docker);
  });

  const storeReplicas = (): number | undefined => {
    const m = store.get('service', serviceId)?.mode;
    return m?.kind === 'replicated' ? m.replicas : undefined;
  };

  async function settled(ms: number): Promise<void> {
    await waitFor('live and equal to a fresh listing', async () =>
      store.connection.status === 'live' && (await differences(store, truth)).length === 0, ms);
  }

  /**
   * Injects `fault` for `holdMs`, scaling the service behind the store's back right after. Past
   * `boundMs` from the change, a live store must show the new replica count (else it must say stale).
   */
  async function underFault(fault: Fault | (() => Promise<void>), o: { holdMs: number; boundMs: number; stale: boolean }, heal?: () => Promise<void>): Promise<Sample[]> {
    await settled(30_000);
    const samples: Sample[] = [];
    const sample = (): void => { samples.push({ t: Date.now(), status: store.connection.status, replicas: storeReplicas() }); };
    const sub = store.onDidChangeConnection(sample);
    const sampler = setInterval(sample, 50);
    const reconnectsBefore = store.stats.reconnects;
    try {
      if (typeof fault === 'function') await fault(); else await proxy.set(fault);
      replicas = replicas === 1 ? 2 : 1;
      const changedAt = Date.now();
      if (typeof fault !== 'function') await scaleService(docker, serviceId, replicas);
      await sleep(o.holdMs);
      if (heal) await heal(); else await proxy.set({ kind: 'pass' });
      if (typeof fault === 'function') await scaleService(docker, serviceId, replicas);
      await waitFor('the new replica count, live', () => store.connection.status === 'live' && storeReplicas() === replicas, 60_000);
      await settled(30_000);
      sample();
      const wrong = samples.filter((s) => s.t > changedAt + o.boundMs && s.status === 'live' && s.replicas !== replicas);
      assert.deepEqual(wrong.slice(0, 3), [], `live with old data ${o.boundMs} ms after the change`);
      if (o.stale) assert.ok(samples.some((s) => s.status === 'stale'), 'marked stale during the fault');
      else assert.ok(samples.every((s) => s.status === 'live'), 'stayed live');
      if (o.stale) assert.ok(store.stats.reconnects > reconnectsBefore, 'reconnected by itself');
      return samples;
    } finally {
      clearInterval(sampler);
      sub.dispose();
    }
  }

  // Detection bounds: a vanished peer fails the next ping (pingMs) at its deadline (CALL_TIMEOUT_MS).
  const PING_BOUND = FAULT_TIMINGS.pingMs! + CALL_TIMEOUT_MS + 1000;

  it('answers that never come (a vanished peer): stale within a ping and a deadline, then live again', async function () {
    await underFault({ kind: 'hang' }, { holdMs: PING_BOUND + 1000, boundMs: PING_BOUND, stale: true });
  });

  it('connections dropped in the middle of a body: stale at once, never a half-read list', async function () {
    await underFault({ kind: 'drop' }, { holdMs: 2000, boundMs: 1500, stale: true });
  });

  it('connections refused: stale, then live again when the endpoint listens again', async function () {
    await underFault({ kind: 'refuse' }, { holdMs: 2000, boundMs: 1000, stale: true });
  });

  it('slow answers (400 ms per chunk): stays live, and the change arrives late but arrives', async function () {
    await underFault({ kind: 'delay', ms: 400 }, { holdMs: 3000, boundMs: 2500, stale: false });
  });

  it('an event stream that goes silent while everything else works: caught up by the stream replacement', async function () {
    const before = store.stats.deadStreams;
    // Cut a stream 1.5 s into its life: the change is then surely after its opening (whose Date header
    // has second precision) and before its replacement's, so the replay proves it missed the event.
    await settled(30_000);
    const opened = proxy.eventStreams;
    await waitFor('a stream replacement', () => proxy.eventStreams > opened, 10_000);
    await sleep(1500);
    await underFault({ kind: 'cut-events' }, { holdMs: FAULT_TIMINGS.streamCheckMs! + 2000, boundMs: FAULT_TIMINGS.streamCheckMs! + 1500, stale: false });
    assert.ok(store.stats.deadStreams > before, 'the replacement found the old stream dead');
  });

  it('the daemon stopped and started: stale while it is gone, then live by itself', async function () {
    if (!lab.controllable) this.skip();
    this.timeout(180_000);
    await underFault(async () => { lab.stopNode(1); }, { holdMs: 1000, boundMs: 1000, stale: true }, async () => { lab.startNode(1); });
  });
});
