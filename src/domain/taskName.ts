// How the docker CLI names a task in `docker service ps`: `web.1` for replicas, `web.<node id>` for
// global tasks. Pure; used by the tree and by action messages.
import type { Task } from './model';

export function taskName(task: Task, serviceName: string | undefined): string {
  const base = serviceName ?? task.serviceId.slice(0, 12);
  if (task.slot !== undefined && task.slot > 0) return `${base}.${task.slot}`;
  return `${base}.${(task.nodeId ?? task.id).slice(0, 12)}`;
}
