// Has a service converged? The docker CLI's rule (docker/cli cli/command/service/progress/progress.go),
// computed from the tasks the store holds instead of a 200 ms polling loop of its own:
// - only up-to-date tasks count (the CLI lists them with the `_up-to-date` filter; here a task whose
//   spec digest equals its service's), and tasks in states the CLI does not number are ignored;
// - replicated: one task per slot, the one with the lowest desired state, ties broken by the lower
//   observed state (`start-first` updates run two tasks in a slot); tasks on `down` nodes are
//   skipped; converged when running == replicas;
// - global: one task per node, chosen the same way; the target is the number of nodes with
//   up-to-date tasks (the orchestrator creates them for every eligible node at once); only tasks on
//   nodes that are not down count as running;
// - jobs: only tasks of the current job iteration; converged when completed == total.
// The `monitor` wait after convergence is ./verifier.ts.
import type { Service, SwarmNode, Task } from '../model';
import { isTerminal, stateIndex } from '../taskStates';

/** The task that stands for one slot (replicated, replicated job) or one node (global, global job). */
export interface ProgressUnit {
  /** `1`, `2`, … for slots; the node id for global services. */
  readonly key: string;
  readonly task: Task;
}

export interface ServiceProgress {
  /** Replicas, eligible nodes, or job completions. */
  readonly target: number;
  /** Tasks running (services) or complete (jobs). */
  readonly done: number;
  /** Jobs: tasks still on their way to completion. */
  readonly active: number;
  readonly converged: boolean;
  /** Global services: no up-to-date task exists yet (tasks not created, or no node is eligible). */
  readonly waitingForTasks: boolean;
  /** One task per slot or node, slots in numeric order, nodes by id. */
  readonly units: readonly ProgressUnit[];
}

/** Nodes whose tasks count: every node that is not `down`. */
export function activeNodeIds(nodes: readonly SwarmNode[]): ReadonlySet<string> {
  return new Set(nodes.filter((n) => n.state !== 'down').map((n) => n.id));
}

/** Lowest desired state wins; on a tie, the lower observed state. */
function preferred(existing: Task, candidate: Task): boolean {
  const de = stateIndex(existing.desiredState);
  const dc = stateIndex(candidate.desiredState);
  if (dc !== de) return dc < de;
  return stateIndex(candidate.state) < stateIndex(existing.state);
}

function counted(t: Task): boolean {
  return stateIndex(t.desiredState) !== 0 && stateIndex(t.state) !== 0;
}

function isRunning(t: Task): boolean {
  return !isTerminal(t.desiredState) && t.state === 'running';
}

function pick(tasks: readonly Task[], keyOf: (t: Task) => string, keep: (t: Task) => boolean): Map<string, Task> {
  const byKey = new Map<string, Task>();
  for (const t of tasks) {
    if (!counted(t)) continue;
    const key = keyOf(t);
    const existing = byKey.get(key);
    if (existing && !preferred(existing, t)) continue;
    if (!keep(t)) continue;
    byKey.set(key, t);
  }
  return byKey;
}

function units(byKey: Map<string, Task>, numeric: boolean): ProgressUnit[] {
  const list = [...byKey].map(([key, task]) => ({ key, task }));
  return list.sort((a, b) => (numeric ? Number(a.key) - Number(b.key) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** `tasks` may hold tasks of other services and outdated ones: they are left out here. */
export function serviceProgress(service: Service, tasks: readonly Task[], activeNodes: ReadonlySet<string>): ServiceProgress {
  const current = tasks.filter((t) => t.serviceId === service.id && t.specDigest === service.taskSpecDigest);
  const onActiveNode = (t: Task): boolean => t.nodeId === undefined || activeNodes.has(t.nodeId);
  const mode = service.mode;
  switch (mode.kind) {
    case 'replicated': {
      const bySlot = pick(current, (t) => String(t.slot ?? 0), onActiveNode);
      const running = [...bySlot.values()].filter(isRunning).length;
      return { target: mode.replicas, done: running, active: 0, converged: running === mode.replicas,
        waitingForTasks: false, units: units(bySlot, true) };
    }
    case 'global': {
      const byNode = pick(current, (t) => t.nodeId ?? '', () => true);
      const running = [...byNode.values()].filter((t) => onActiveNode(t) && isRunning(t)).length;
      const target = byNode.size;
      return { target, done: running, active: 0, converged: target > 0 && running === target,
        waitingForTasks: target === 0, units: units(byNode, false) };
    }
    case 'replicated-job':
    case 'global-job': {
      const iteration = current.filter((t) => t.jobIteration === service.jobIteration);
      // A job's slot shows its least advanced task, as the CLI's does (a retry after a failure).
      const byKey = new Map<string, Task>();
      const keyOf = (t: Task): string => (mode.kind === 'replicated-job' ? String(t.slot ?? 0) : t.nodeId ?? '');
      for (const t of iteration) {
        if (!counted(t)) continue;
        const existing = byKey.get(keyOf(t));
        if (!existing || stateIndex(existing.state) > stateIndex(t.state)) byKey.set(keyOf(t), t);
      }
      const list = [...byKey.values()];
      const completed = list.filter((t) => t.state === 'complete').length;
      const active = list.filter((t) => stateIndex(t.state) < stateIndex('complete')).length;
      const target = mode.kind === 'replicated-job' ? mode.totalCompletions : byKey.size;
      return { target, done: completed, active, converged: target > 0 && completed === target,
        waitingForTasks: mode.kind === 'global-job' && target === 0, units: units(byKey, mode.kind === 'replicated-job') };
    }
  }
}
