// Rollout views for the rendering test, made by the real model (RolloutTracker) from a captured
// rollout: the captured service and tasks as they are, or grown to N slots mid-update.
import type { Service, Task, TaskState } from '../../src/domain/model';
import { RolloutTracker } from '../../src/domain/rollout/tracker';
import type { RolloutView } from '../../src/domain/rollout/view';
import { rolloutSequence, type RolloutScenario } from '../support/rollouts';

const ALL = { rollback: true, logs: true, reveal: true };

/** The view after the first `count` observations of a captured rollout (all of them by default). */
export function capturedView(name: RolloutScenario, count?: number): RolloutView {
  const seq = rolloutSequence(name);
  const id = seq.observations.find((o) => o.service)?.service?.id ?? '';
  const tracker = new RolloutTracker(id);
  let view: RolloutView | undefined;
  for (const o of seq.observations.slice(0, count)) view = tracker.observe({ service: o.service, tasks: o.tasks, nodes: o.nodes, available: ALL, now: o.now });
  if (!view) throw new Error(`no observation in ${name}`);
  return view;
}

const STATES: readonly TaskState[] = ['new', 'pending', 'assigned', 'preparing', 'starting', 'running', 'running', 'running'];

/** A clean update of `slots` replicas caught mid-way: slot n's new task in one of the states above, a failure every 97th. */
export function largeView(slots: number): RolloutView {
  const seq = rolloutSequence('clean-update');
  const mid = seq.observations.find((o) => o.service?.updateStatus?.state === 'updating' && o.tasks.some((t) => t.state === 'running'
    && t.specDigest === o.service?.taskSpecDigest));
  const service = mid?.service;
  const fresh = mid?.tasks.find((t) => t.specDigest === service?.taskSpecDigest);
  const old = mid?.tasks.find((t) => t.specDigest !== service?.taskSpecDigest);
  if (!mid || !service || !fresh || !old) throw new Error('clean-update has no mid-update observation');
  const big: Service = { ...service, mode: { kind: 'replicated', replicas: slots } };
  const tasks: Task[] = [];
  for (let slot = 1; slot <= slots; slot++) {
    const state = STATES[slot % STATES.length] ?? 'running';
    const failed = slot % 97 === 0;
    tasks.push({ ...old, id: `old${slot}`, slot, state: state === 'running' ? 'shutdown' : 'running', desiredState: 'shutdown' });
    tasks.push({ ...fresh, id: `new${slot}`, slot, state: failed ? 'failed' : state, desiredState: failed ? 'shutdown' : 'running',
      error: failed ? `task: non-zero exit (1): slot ${slot} failed its health check after 3 retries; last output: connection refused on 0.0.0.0:8080` : undefined });
  }
  const tracker = new RolloutTracker(big.id);
  return tracker.observe({ service: big, tasks, nodes: mid.nodes, available: ALL, now: mid.now });
}
