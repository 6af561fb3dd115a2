// The order tasks are listed in: by service name, then slot (by node name for global services),
// then newest first, as `docker service ps` lists them.
import type { Task } from '../../../domain/model';
import { isCurrentTask } from '../../../domain/replicas';
import type { TreeContext } from '../treeContext';

const collator = new Intl.Collator();
const compareText = (a: string, b: string): number => (a === b ? 0 : collator.compare(a, b));

interface Keyed { readonly task: Task; readonly service: string; readonly node: string; readonly created: number }

export function sortTasks(tasks: readonly Task[], ctx: TreeContext): Task[] {
  // Keys are made once per task, not per comparison: a Tasks bucket may hold 20,000 tasks.
  const names = new Map<string, string>();
  const keyed: Keyed[] = tasks.map((task) => {
    let service = names.get(task.serviceId);
    if (service === undefined) names.set(task.serviceId, service = ctx.serviceName(task.serviceId) ?? task.serviceId);
    return { task, service, node: ctx.nodeName(task.nodeId) ?? task.nodeId ?? '', created: Date.parse(task.createdAt) || 0 };
  });
  keyed.sort((x, y) => {
    const byService = compareText(x.service, y.service);
    if (byService !== 0) return byService;
    const a = x.task;
    const b = y.task;
    if (a.slot !== undefined && b.slot !== undefined && a.slot !== b.slot) return a.slot - b.slot;
    const byNode = compareText(x.node, y.node);
    if (byNode !== 0) return byNode;
    return y.created - x.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  return keyed.map((k) => k.task);
}

/** The tasks to list under a service or a node: current ones, or all with the history toggle on. */
export function visibleTasks(tasks: readonly Task[], ctx: TreeContext): Task[] {
  return sortTasks(ctx.options.showHistory ? tasks : tasks.filter(isCurrentTask), ctx);
}
