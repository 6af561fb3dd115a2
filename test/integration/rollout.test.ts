// The rollout view model on a real swarm, fed the way the panel is (RolloutFeed on the ClusterStore),
// while the docker CLI 28 drives and judges the rollout: its last "N out of M tasks" and the Engine's
// UpdateStatus are the oracles for the phase and the counts the model ends with.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import type { PhaseKind, RolloutView } from '../../src/domain/rollout/view';
import { ClusterStore } from '../../src/store/clusterStore';
import { RolloutFeed } from '../../src/store/rolloutFeed';
import { apiFor, dockerFor, removeTestServices, waitFor } from '../support/engine';
import { labs, SMALL, type Lab } from '../support/lab';
import { cliOverall, type CliRun } from '../support/rollouts';

const run = promisify(execFile);
const DOCKER = '/usr/local/bin/docker'; // the docker CLI 28, not Debian's 20.10
const ALL = { rollback: true, logs: true, reveal: true };

describe('rollout model on a real swarm', function () {
  this.timeout(120_000);
  let lab: Lab;
  let docker: Docker;
  let store: ClusterStore;

  async function cli(...args: string[]): Promise<CliRun> {
    const start = Date.now();
    try {
      const r = await run(DOCKER, ['-H', lab.host, ...args], { encoding: 'utf8' });
      return { args, exitCode: 0, stdout: r.stdout, stderr: r.stderr, start, end: Date.now() };
    } catch (e) {
      const err = e as { code?: number; stdout?: string; stderr?: string };
      return { args, exitCode: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '', start, end: Date.now() };
    }
  }

  async function engineUpdateState(id: string): Promise<string | undefined> {
    const s = await docker.getService(id).inspect() as { UpdateStatus?: { State?: string } };
    return s.UpdateStatus?.State;
  }

  /** Creates a service with the CLI and follows it with a feed; the phases seen are recorded. */
  async function follow(name: string, ...flags: string[]): Promise<{ id: string; feed: RolloutFeed; phases: PhaseKind[] }> {
    const created = await cli('service', 'create', '--detach', '--name', name, '--label', 'swarm-operator.test=1', '--init',
      '--no-resolve-image', ...flags, 'local/busybox:1', 'sleep', '1000000');
    assert.equal(created.exitCode, 0, created.stderr);
    const id = created.stdout.trim();
    await waitFor(`${name} in the store`, () => store.get('service', id) !== undefined, 30_000);
    const feed = new RolloutFeed(id, () => ALL);
    const phases: PhaseKind[] = [];
    feed.onDidChange((v) => { if (phases[phases.length - 1] !== v.header.phase.kind) phases.push(v.header.phase.kind); });
    feed.setView(store);
    await waitFor(`${name} converged`, () => feed.current?.header.phase.kind === 'converged', 60_000);
    return { id, feed, phases };
  }

  const view = (feed: RolloutFeed): RolloutView => feed.current ?? assert.fail('no view');

  before(async function () {
    lab = labs.get(SMALL);
    docker = dockerFor(lab.host);
    await removeTestServices(docker);
    store = new ClusterStore(apiFor(lab.host), { fastTaskPollMs: 500, slowTaskPollMs: 10_000 });
    store.start();
    await waitFor('store live', () => store.connection.status === 'live', 30_000);
  });

  after(async function () {
    store?.dispose();
    if (docker) await removeTestServices(docker);
  });

  it('a rolling update (4 replicas, parallelism 2): updating, verifying, then completed when the Engine says so, 4 of 4 on the new image', async function () {
    const { id, feed, phases } = await follow('it-roll', '--replicas', '4', '--update-parallelism', '2', '--update-monitor', '1s');
    const update = await cli('service', 'update', '--image', 'local/busybox:2', '--no-resolve-image', 'it-roll');
    assert.equal(update.exitCode, 0, update.stderr);
    const said = cliOverall(update);
    await waitFor('the Engine completes the update', async () => (await engineUpdateState(id)) === 'completed', 30_000);
    await waitFor('the model says completed', () => view(feed).header.phase.kind === 'completed', 30_000);
    const v = view(feed);
    assert.deepEqual(said, { done: 4, target: 4, rollback: false });
    assert.equal(v.header.done, said?.done);
    assert.equal(v.header.target, said?.target);
    assert.equal(v.header.previousImage, 'local/busybox:1');
    assert.ok(v.rows.length === 4 && v.rows.every((r) => r.status === 'done' && r.current?.image === 'local/busybox:2' && r.bar === 9));
    assert.ok(phases.includes('updating'), phases.join(' → '));
    assert.equal(phases[phases.length - 1], 'completed');
    assert.ok(v.timeline.some((e) => e.kind === 'update-completed'));
    assert.ok(v.header.actions.rollback.enabled && v.header.actions.specDiff.enabled);
    feed.dispose();
  });

  it('a failing update with failure action rollback: rolling back, then rollback_completed with the failed task\'s error', async function () {
    const { id, feed, phases } = await follow('it-rollfail', '--replicas', '2', '--update-parallelism', '1',
      '--update-failure-action', 'rollback', '--update-monitor', '2s');
    const update = await cli('service', 'update', '--image', 'local/busybox:fail', '--no-resolve-image', 'it-rollfail');
    const said = cliOverall(update);
    await waitFor('the Engine completes the rollback', async () => (await engineUpdateState(id)) === 'rollback_completed', 60_000);
    await waitFor('the model says rollback completed', () => view(feed).header.phase.kind === 'rollback_completed', 30_000);
    const v = view(feed);
    assert.deepEqual(said, { done: 2, target: 2, rollback: true }, update.stdout);
    assert.equal(v.header.done, 2);
    assert.equal(v.header.target, 2);
    assert.ok(v.header.overall.startsWith('rolling back update: '));
    assert.equal(v.header.image, 'local/busybox:1');
    const failed = (await docker.listTasks({ filters: JSON.stringify({ service: [id], 'desired-state': ['shutdown'] }) }) as
      { Status: { State: string; Err?: string } }[]).filter((t) => t.Status.State === 'failed');
    assert.ok(failed.length > 0, 'the engine lists a failed task');
    const errors = v.rows.map((r) => r.error).filter(Boolean);
    assert.ok(errors.length > 0 && errors.every((e) => failed.some((t) => t.Status.Err === e)), errors.join('; '));
    assert.ok(phases.includes('rollback_started') || phases.includes('verifying'), phases.join(' → '));
    assert.equal(v.header.actions.rollback.enabled, false, 'no PreviousSpec after a rollback');
    feed.dispose();
  });
});
