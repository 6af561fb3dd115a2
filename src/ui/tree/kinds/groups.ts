// The top-level groups: what each lists, and its count (the Tasks group counts problems).
import { BUCKETS, problemCount } from '../../../domain/taskBuckets';
import * as cv from '../contextValues';
import { describeGroup, describeTasksGroup } from '../describe';
import { bucketElement, objectElement, stackElement, type GroupElement, type TreeElement } from '../elements';
import type { TreeContext } from '../treeContext';
import type { Shown } from './shown';

const byText = (a: string, b: string): number => a.localeCompare(b);
type Named = { readonly id: string; readonly name: string };
const sortedIds = (items: readonly Named[]): string[] => [...items].sort((a, b) => byText(a.name, b.name)).map((o) => o.id);

export function groupChildren(ctx: TreeContext, el: GroupElement): TreeElement[] {
  const v = ctx.view;
  switch (el.group) {
    case 'nodes':
      return [...v.all('node')].sort((a, b) => byText(a.hostname, b.hostname)).map((n) => objectElement(el, 'node', n.id));
    case 'services': {
      if (!ctx.options.groupByStack) return sortedIds(v.all('service')).map((id) => objectElement(el, 'service', id));
      const stacks = [...ctx.stacks().keys()].sort(byText).map((name) => stackElement(el, name));
      const loose = sortedIds(v.all('service').filter((s) => s.stack === undefined)).map((id) => objectElement(el, 'service', id));
      return [...stacks, ...loose];
    }
    case 'tasks': {
      const buckets = ctx.buckets();
      return BUCKETS.filter((b) => (buckets.get(b)?.length ?? 0) > 0 && (b !== 'history' || ctx.options.showHistory))
        .map((b) => bucketElement(el, b));
    }
    case 'stacks':
      return [...ctx.stacks().keys()].sort(byText).map((name) => stackElement(el, name));
    case 'secrets': return sortedIds(v.all('secret')).map((id) => objectElement(el, 'secret', id));
    case 'configs': return sortedIds(v.all('config')).map((id) => objectElement(el, 'config', id));
    case 'networks': return sortedIds(v.all('network')).map((id) => objectElement(el, 'network', id));
  }
}

export function showGroup(ctx: TreeContext, el: GroupElement): Shown {
  const context = cv.groupContext(el.group);
  if (el.group === 'tasks') {
    const buckets = ctx.buckets();
    return { presentation: describeTasksGroup(problemCount(buckets), ctx.view.all('task').length, ctx.stale), context, collapsible: 'collapsed' };
  }
  const n = el.group === 'stacks' ? ctx.stacks().size : ctx.view.all(GROUP_KIND[el.group]).length;
  const open = el.group === 'nodes' || el.group === 'services';
  return { presentation: describeGroup(el.group, n, ctx.stale), context, collapsible: open ? 'expanded' : 'collapsed' };
}

const GROUP_KIND = { nodes: 'node', services: 'service', secrets: 'secret', configs: 'config', networks: 'network' } as const;
