// What draining a node does to the tasks on it, said before it happens: replicated tasks are
// rescheduled on other nodes (when some active, ready node meets their service's constraints),
// global tasks stop (a global service runs one task per eligible node; a drained node is not
// eligible). Pure; the drain action confirms with it and follows the node's tasks until none runs.
import type { Service, SwarmNode, Task } from './model';
import { meetsConstraints } from './placement';
import { taskName } from './names';
import { isTerminal } from './taskStates';

export interface StrandedTask {
  readonly task: Task;
  /** "web.1: no other active node meets node.hostname == node3". */
  readonly reason: string;
}

export interface DrainImpact {
  /** Replicated (and replicated-job) tasks that will be rescheduled. */
  readonly moving: readonly Task[];
  readonly movingServices: number;
  /** Global tasks that stop for good. */
  readonly stopping: readonly Task[];
  /** Moving tasks that no other node can take: they stay Pending after the drain. */
  readonly stranded: readonly StrandedTask[];
}

/** Tasks the node still runs or is about to (their container is not gone yet). */
export function liveTasksOn(nodeId: string, tasks: readonly Task[]): Task[] {
  return tasks.filter((t) => t.nodeId === nodeId && !isTerminal(t.state));
}

const isGlobal = (s: Service | undefined): boolean => s?.mode.kind === 'global' || s?.mode.kind === 'global-job';

export function drainImpact(node: SwarmNode, services: readonly Service[], tasks: readonly Task[], nodes: readonly SwarmNode[]): DrainImpact {
  const byId = new Map(services.map((s) => [s.id, s]));
  const current = liveTasksOn(node.id, tasks).filter((t) => t.desiredState === 'running');
  const moving = current.filter((t) => !isGlobal(byId.get(t.serviceId)));
  const stopping = current.filter((t) => isGlobal(byId.get(t.serviceId)));
  const others = nodes.filter((n) => n.id !== node.id && n.availability === 'active' && n.state === 'ready');
  const stranded: StrandedTask[] = [];
  for (const t of moving) {
    const service = byId.get(t.serviceId);
    const constraints = service?.constraints ?? [];
    if (others.some((n) => meetsConstraints(n, constraints))) continue;
    const why = others.length === 0 ? 'no other node is active and ready'
      : `no other active node meets ${constraints.join(' and ')}`;
    stranded.push({ task: t, reason: `${taskName(t, service?.name)}: ${why}` });
  }
  return { moving, movingServices: new Set(moving.map((t) => t.serviceId)).size, stopping, stranded };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "4 running tasks of 3 services will be rescheduled; 1 global task will stop". */
export function describeDrainImpact(impact: DrainImpact): string {
  const parts: string[] = [];
  if (impact.moving.length > 0) {
    parts.push(`${plural(impact.moving.length, 'running task')} of ${plural(impact.movingServices, 'service')} will be rescheduled`);
  }
  if (impact.stopping.length > 0) parts.push(`${plural(impact.stopping.length, 'global task')} will stop`);
  if (parts.length === 0) return 'no task runs there, nothing moves';
  const stranded = impact.stranded.length > 0
    ? `; ${plural(impact.stranded.length, 'task')} cannot run elsewhere and will stay pending (${impact.stranded.map((s) => s.reason).join('; ')})` : '';
  return parts.join('; ') + stranded;
}
