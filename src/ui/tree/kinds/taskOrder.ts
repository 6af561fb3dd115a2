// The order tasks are listed in: by service name, then slot (by node name for global services),
// then newest first, as `docker service ps` lists them.
import type { Task } from '../../../domain/model';
import { isCurrentTask } from '../../../domain/replicas';
import type { TreeContext } from '../treeContext';

const time = (iso: string): number => Date.parse(iso) || 0;

export function sortTasks(tasks: readonly Task[], ctx: TreeContext): Task[] {
  const names = new Map<string, string>();
  const serviceName = (t: Task): string => {
    let n = names.get(t.serviceId);
    if (n === undefined) names.set(t.serviceId, n = ctx.serviceName(t.serviceId) ?? t.serviceId);
    return n;
  };
  return [...tasks].sort((a, b) => {
    const byService = serviceName(a).localeCompare(serviceName(b));
    if (byService !== 0) return byService;
    if (a.slot !== undefined && b.slot !== undefined && a.slot !== b.slot) return a.slot - b.slot;
    const byNode = (ctx.nodeName(a.nodeId) ?? a.nodeId ?? '').localeCompare(ctx.nodeName(b.nodeId) ?? b.nodeId ?? '');
    if (byNode !== 0) return byNode;
    return time(b.createdAt) - time(a.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

/** The tasks to list under a service or a node: current ones, or all with the history toggle on. */
export function visibleTasks(tasks: readonly Task[], ctx: TreeContext): Task[] {
  return sortTasks(ctx.options.showHistory ? tasks : tasks.filter(isCurrentTask), ctx);
}
