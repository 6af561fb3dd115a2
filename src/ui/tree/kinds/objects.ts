// Swarm objects in the tree: nodes and services expand to their tasks; tasks, secrets, configs and
// networks are leaves. Secrets and configs show metadata only: their data is never read.
import type { Kind } from '../../../domain/model';
import * as cv from '../contextValues';
import * as d from '../describe';
import { objectElement, type ObjectElement, type TreeElement } from '../elements';
import type { TreeContext } from '../treeContext';
import { GONE, type Shown } from './shown';
import { visibleTasks } from './taskOrder';

export function objectChildren(ctx: TreeContext, el: ObjectElement): TreeElement[] {
  const tasks = el.kind === 'service' ? ctx.view.tasksOfService(el.id) : el.kind === 'node' ? ctx.view.tasksOfNode(el.id) : undefined;
  return tasks ? visibleTasks(tasks, ctx).map((t) => objectElement(el, 'task', t.id)) : [];
}

const EXPANDS: ReadonlySet<Kind> = new Set<Kind>(['node', 'service']);

export function showObject(ctx: TreeContext, el: ObjectElement): Shown {
  const v = ctx.view;
  const collapsible = EXPANDS.has(el.kind) ? 'collapsed' : 'none';
  switch (el.kind) {
    case 'node': {
      const n = v.get('node', el.id);
      return n ? { presentation: d.describeNode(n), context: cv.nodeContext(n, ctx.selfNodeId), collapsible } : GONE;
    }
    case 'service': {
      const s = v.get('service', el.id);
      return s ? { presentation: d.describeService(s, v.tasksOfService(s.id)), context: cv.serviceContext(s), collapsible } : GONE;
    }
    case 'task': {
      const t = v.get('task', el.id);
      if (!t) return GONE;
      // Under a service the service's name is implied, under a node the node's.
      const p = d.describeTask(t, { serviceName: ctx.serviceName(t.serviceId), nodeName: ctx.nodeName(t.nodeId), now: ctx.now });
      return { presentation: p, context: cv.taskContext(t), collapsible };
    }
    case 'secret': { const o = v.get('secret', el.id); return o ? { presentation: d.describeSecret(o, ctx.now), context: cv.secretContext(o), collapsible } : GONE; }
    case 'config': { const o = v.get('config', el.id); return o ? { presentation: d.describeConfig(o, ctx.now), context: cv.configContext(o), collapsible } : GONE; }
    case 'network': { const o = v.get('network', el.id); return o ? { presentation: d.describeNetwork(o), context: cv.networkContext(o), collapsible } : GONE; }
  }
}
