// Is the cluster moving? While a service converges (tasks starting, stopping, being replaced, an
// update or rollback rolling), task state changes on other nodes are invisible to a manager's event
// stream, so the store re-lists tasks at the fast period; otherwise at the slow one.
import type { Service, Task, TaskState } from './model';
import { replicaCounts } from './replicas';

const PRE_RUNNING: ReadonlySet<TaskState> = new Set<TaskState>(
  ['new', 'allocated', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting']);

const ROLLING = new Set(['updating', 'rollback_started']);

export function serviceIsConverging(service: Service, tasks: readonly Task[]): boolean {
  if (service.updateStatus && ROLLING.has(service.updateStatus.state)) return true;
  if (service.mode.kind === 'replicated-job' || service.mode.kind === 'global-job') return false;
  for (const t of tasks) {
    if (t.serviceId !== service.id) continue;
    if (t.desiredState === 'running' && PRE_RUNNING.has(t.state)) return true;
    if (t.desiredState !== 'running' && t.state === 'running') return true; // stopping
  }
  const { running, desired } = replicaCounts(service, tasks);
  return running !== desired;
}

export function isConverging(services: readonly Service[], tasks: readonly Task[]): boolean {
  if (services.length === 0) return false;
  const byService = new Map<string, Task[]>();
  for (const t of tasks) {
    const list = byService.get(t.serviceId);
    if (list) list.push(t); else byService.set(t.serviceId, [t]);
  }
  return services.some((s) => serviceIsConverging(s, byService.get(s.id) ?? []));
}
