// The rollout model on task sequences captured from a real swarm (scripts/capture-rollouts.ts). The
// oracles are what the capture recorded besides the tasks: the docker CLI 28's own output for the
// same rollout (its last "N out of M tasks", its verdict, its error) and the Engine's UpdateStatus.
import assert from 'node:assert/strict';
import type { Availability } from '../../src/domain/rollout/actions';
import { RolloutTracker } from '../../src/domain/rollout/tracker';
import type { RolloutView } from '../../src/domain/rollout/view';
import { stateIndex } from '../../src/domain/taskStates';
import { applyPatch, diffView, isEmptyPatch } from '../../src/protocol/rolloutPatch';
import { cliOverall, rolloutSequence, ROLLOUT_SCENARIOS, type Observation, type RolloutScenario, type RolloutSequence } from '../support/rollouts';

const ALL: Availability = { rollback: true, logs: true, reveal: true };

function serviceId(seq: RolloutSequence): string {
  const s = seq.observations.find((o) => o.service)?.service;
  assert.ok(s, `${seq.scenario} has the service`);
  return s.id;
}

function observe(tracker: RolloutTracker, o: Observation, now = o.now, available = ALL): RolloutView {
  return tracker.observe({ service: o.service, tasks: o.tasks, nodes: o.nodes, available, now });
}

/** Every view of the sequence, one per observation. */
function play(name: RolloutScenario): { seq: RolloutSequence; tracker: RolloutTracker; views: RolloutView[] } {
  const seq = rolloutSequence(name);
  const tracker = new RolloutTracker(serviceId(seq));
  return { seq, tracker, views: seq.observations.map((o) => observe(tracker, o)) };
}

/** The view as of when the docker CLI returned: the last observation before, seen at that time. */
function atCliEnd(name: RolloutScenario, run = 0): { view: RolloutView; seq: RolloutSequence } {
  const seq = rolloutSequence(name);
  const cli = seq.cli[run];
  assert.ok(cli);
  const tracker = new RolloutTracker(serviceId(seq));
  let last: Observation | undefined;
  for (const o of seq.observations) {
    if (o.now > cli.end) break;
    observe(tracker, o);
    last = o;
  }
  assert.ok(last);
  return { view: observe(tracker, last, cli.end), seq };
}

const last = <T>(list: readonly T[]): T => { const x = list[list.length - 1]; assert.ok(x !== undefined); return x; };

describe('rollout model on captured rollouts', () => {
  for (const name of ROLLOUT_SCENARIOS) {
    it(`${name}: when the docker CLI returned, the overall count is the CLI's last "N out of M tasks"`, () => {
      const { view, seq } = atCliEnd(name);
      const cli = cliOverall(seq.cli[0] ?? assert.fail());
      assert.ok(cli, `the CLI printed an overall line (${seq.scenario})`);
      assert.equal(view.header.done, cli.done);
      assert.equal(view.header.target, cli.target);
      assert.equal(view.header.overall.startsWith('rolling back update: '), cli.rollback);
    });
  }

  it('when the CLI said "verify: Service … converged", the model said so too, and no countdown runs', () => {
    let checked = 0;
    for (const name of ROLLOUT_SCENARIOS) {
      const { view, seq } = atCliEnd(name);
      const said = /^verify: (Service \S+ converged)$/m.exec(seq.cli[0]?.stdout ?? '')?.[1];
      if (!said) continue;
      checked++;
      assert.ok(view.timeline.some((e) => e.kind === 'verified' && e.text === said), `${name}: ${said}`);
      assert.equal(view.header.phase.verifyRemainingMs, undefined, name);
      assert.ok(!['updating', 'converging', 'rollback_started'].includes(view.header.phase.kind), `${name}: ${view.header.phase.kind}`);
    }
    assert.ok(checked >= 5, `${checked} runs said converged`);
  });

  it('a clean update with parallelism 2 ends completed, as the Engine says, with every slot on the new image', () => {
    const { seq, views } = play('clean-update');
    const end = last(views);
    assert.equal(last(seq.observations).service?.updateStatus?.state, 'completed');
    assert.equal(end.header.phase.kind, 'completed');
    assert.equal(end.header.previousImage, 'local/busybox:1');
    assert.equal(end.header.image, 'local/busybox:2');
    assert.deepEqual(end.header.changes.map((c) => c.path), ['TaskTemplate.ContainerSpec.Image']);
    assert.equal(end.header.policy.parallelism, 2);
    assert.equal(end.header.policy.monitorMs, 2000);
    assert.deepEqual(end.rows.map((r) => [r.key, r.old?.image, r.current?.image, r.current?.state, r.bar, r.status]),
      [1, 2, 3, 4, 5, 6].map((k) => [String(k), 'local/busybox:1', 'local/busybox:2', 'running', stateIndex('running'), 'done']));
    // The updater takes 2 slots at a time: never more than 2 rows in progress at once.
    for (const v of views) assert.ok(v.rows.filter((r) => r.status === 'progress').length <= 2);
    assert.ok(views.some((v) => v.header.phase.kind === 'updating' && v.header.done > 0 && v.header.done < 6));
    const kinds = end.timeline.map((e) => e.kind);
    assert.equal(kinds.filter((k) => k === 'task-replaced').length, 6);
    assert.equal(end.timeline.filter((e) => e.kind === 'task-started' && e.text.includes('busybox:2')).length, 6);
    assert.ok(end.timeline.some((e) => e.kind === 'rollout-started' && e.text.endsWith('local/busybox:1 → local/busybox:2')));
    assert.equal(end.timeline[0]?.kind === 'update-completed' || end.timeline[0]?.kind === 'verified', true);
    const times = end.timeline.map((e) => Date.parse(e.at));
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
    assert.equal(new Set(end.timeline.map((e) => e.id)).size, end.timeline.length);
  });

  it('start-first: a slot runs both tasks for a while, and the old one stays the row\'s "old" until it stops', () => {
    const { seq, views } = play('start-first');
    const both = seq.observations.some((o) => o.tasks.filter((t) => t.slot === 2 && t.state === 'running').length === 2);
    assert.ok(both, 'the engine ran two tasks in one slot');
    assert.ok(views.some((v) => v.rows.some((r) => r.old?.state === 'running' && r.current?.state === 'running')));
    assert.equal(last(views).header.phase.kind, 'completed');
    assert.equal(last(views).header.policy.order, 'start-first');
  });

  it('a failing update with failure action rollback ends rollback_completed, keeping the failed task\'s error', () => {
    const { seq, views, tracker } = play('failing-rollback');
    const engine = last(seq.observations);
    const end = observe(tracker, engine, engine.now + 5000); // past the monitor period
    assert.equal(engine.service?.updateStatus?.state, 'rollback_completed');
    assert.equal(end.header.phase.kind, 'rollback_completed');
    assert.ok(views.some((v) => v.header.phase.kind === 'rollback_started'), 'rolling back');
    const failed = engine.tasks.filter((t) => t.state === 'failed');
    assert.ok(failed.length > 0 && failed[0]?.error);
    const withError = end.rows.filter((r) => r.error !== undefined);
    assert.ok(withError.length > 0);
    for (const r of withError) assert.ok(failed.some((t) => t.error === r.error), `row ${r.key}: ${r.error}`);
    assert.ok(end.timeline.some((e) => e.kind === 'task-failed' && e.text.includes(failed[0]?.error ?? '?')));
    assert.ok(end.timeline.some((e) => e.kind === 'rollback-completed'));
    // The engine may mark the rollback completed before its tasks run (this capture went from updating
    // straight to rollback_completed): the view reads "rolling back" until the CLI would say converged.
    const states = seq.observations.map((o) => o.service?.updateStatus?.state);
    const early = seq.observations.findIndex((o, i) => states[i] === 'rollback_completed'
      && o.tasks.filter((t) => t.desiredState === 'running' && t.state === 'running').length < 3);
    if (early >= 0) assert.equal(views[early]?.header.phase.kind, 'rollback_started');
    // When the engine's rollback_started was seen, its message names the failed task.
    const started = seq.observations.map((o) => o.service?.updateStatus).find((s) => s?.state === 'rollback_started');
    const named = /task (\w+)/.exec(started?.message ?? '')?.[1];
    if (started) assert.ok(named && failed.some((t) => t.id === named) && end.timeline.some((e) => e.kind === 'rollback-started' && e.text.includes(named)));
    assert.ok(early >= 0 || started, 'the capture shows the rollback in one of the two ways');
    // After a rollback the Engine keeps no PreviousSpec: nothing to roll back to, no spec to compare.
    assert.equal(engine.service?.hasPreviousSpec, false);
    assert.equal(end.header.actions.rollback.enabled, false);
    assert.match(end.header.actions.rollback.reason, /no previous spec/);
    assert.equal(end.header.actions.specDiff.enabled, false);
    assert.equal(end.header.previousImage, 'local/busybox:fail', 'the image rolled back from, remembered from the earlier observations');
    assert.equal(end.header.policy.of, 'rollback');
  });

  it('a paused update: the phase is paused with the engine\'s reason, the one the docker CLI failed with', () => {
    const { seq, views } = play('paused');
    const end = last(views);
    const status = last(seq.observations).service?.updateStatus;
    assert.equal(status?.state, 'paused');
    assert.equal(end.header.phase.kind, 'paused');
    assert.equal(end.header.phase.failed, true);
    assert.equal(end.header.phase.detail, status?.message);
    const cli = seq.cli[0];
    assert.equal(cli?.exitCode, 1);
    assert.ok(cli?.stderr.includes(`service update paused: ${end.header.phase.detail}`), cli?.stderr);
    assert.ok(end.rows.some((r) => r.status === 'failed' && r.error === 'task: non-zero exit (1)'));
    assert.ok(end.timeline.some((e) => e.kind === 'update-paused'));
    assert.equal(end.header.actions.rollback.enabled, true, 'a paused update keeps its PreviousSpec');
  });

  it('scale up and down: converging, then verifying, then converged; scaled-down slots show stopping, then go', () => {
    const up = play('scale-up');
    assert.deepEqual(up.views[1]?.header.changes, [{ path: 'Mode.Replicated.Replicas', before: '2', after: '5' }]);
    assert.equal(up.views[1]?.header.status, undefined, 'a scale clears UpdateStatus');
    assert.ok(up.views.some((v) => v.header.phase.kind === 'converging'));
    const settled = observe(up.tracker, last(up.seq.observations), last(up.seq.observations).now + 5000);
    assert.equal(settled.header.phase.kind, 'converged');
    assert.equal(settled.rows.length, 5);
    assert.ok(settled.timeline.some((e) => e.kind === 'rollout-started' && e.text === 'Scaled from 2 to 5 replicas'));

    const down = play('scale-down');
    assert.ok(down.views.some((v) => v.rows.filter((r) => r.status === 'stopping').length === 3), 'three slots stopping');
    assert.equal(last(down.views).rows.length, 2);
    assert.equal(last(down.views).timeline.filter((e) => e.text.endsWith('removed (scaled down)')).length, 3);
  });

  it('a global service on a node that goes down: that node\'s row says down, the count skips it, and it comes back', () => {
    const { seq, views } = play('global-node-down');
    const downAt = seq.observations.findIndex((o) => o.nodes.some((n) => n.hostname === 'node3' && n.state === 'down'));
    assert.ok(downAt > 0);
    const row = views[downAt]?.rows.find((r) => r.label === 'node3');
    assert.equal(row?.status, 'down');
    assert.equal(views[downAt]?.header.done, 2);
    assert.ok(views.slice(downAt).some((v) => v.header.phase.kind === 'updating'), 'the forced update ran while node3 was down');
    const end = last(views);
    assert.deepEqual(end.rows.map((r) => [r.label, r.status]), [['node1', 'done'], ['node2', 'done'], ['node3', 'done']]);
    const kinds = end.timeline.map((e) => e.kind);
    assert.ok(kinds.includes('node-down') && kinds.includes('node-up'));
  });

  it('patches rebuild every view exactly, and an unchanged observation sends none', () => {
    for (const name of ROLLOUT_SCENARIOS) {
      const { views } = play(name);
      let shown = views[0] ?? assert.fail();
      for (const v of views.slice(1)) {
        shown = applyPatch(shown, diffView(shown, v));
        assert.deepEqual(JSON.parse(JSON.stringify(shown)), JSON.parse(JSON.stringify(v)), name);
      }
      const { seq, tracker } = play(name);
      const again = observe(tracker, last(seq.observations));
      const twice = observe(tracker, last(seq.observations));
      assert.ok(isEmptyPatch(diffView(again, twice)), name);
    }
  });

  it('a view reopened after a reload keeps its timeline, without doubling entries', () => {
    const { seq, views } = play('failing-rollback');
    const before = last(views).timeline;
    const reopened = new RolloutTracker(serviceId(seq), before);
    const view = observe(reopened, last(seq.observations), last(seq.observations).now + 60_000);
    assert.deepEqual(view.timeline.map((e) => e.id).filter((id) => before.some((e) => e.id === id)), before.map((e) => e.id));
    assert.equal(new Set(view.timeline.map((e) => e.id)).size, view.timeline.length);
  });

  it('actions say why they do not apply', () => {
    const { seq } = play('clean-update');
    const tracker = new RolloutTracker(serviceId(seq));
    const none = observe(tracker, last(seq.observations), undefined, { rollback: false, logs: false, reveal: false });
    assert.equal(none.header.actions.rollback.enabled, false);
    assert.match(none.header.actions.rollback.reason, /swarm\.service\.rollback/);
    assert.equal(none.header.actions.specDiff.enabled, true);
    assert.match(none.header.actions.specDiff.reason, /1 field changed/);
    const gone = tracker.observe({ service: undefined, tasks: [], nodes: [], available: ALL, now: Date.now() });
    assert.equal(gone.header.phase.kind, 'removed');
    assert.equal(gone.header.serviceName, 'cap-clean');
    assert.ok(Object.values(gone.header.actions).every((a) => !a.enabled));
    assert.ok(gone.timeline.some((e) => e.kind === 'removed'));
  });
});
