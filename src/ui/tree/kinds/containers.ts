// Elements that only group others: a stack (its services) and a bucket of the Tasks group.
import * as cv from '../contextValues';
import * as d from '../describe';
import { objectElement, type BucketElement, type StackElement, type TreeElement } from '../elements';
import type { TreeContext } from '../treeContext';
import type { Shown } from './shown';
import { sortTasks } from './taskOrder';

export function stackChildren(ctx: TreeContext, el: StackElement): TreeElement[] {
  return [...(ctx.stacks().get(el.name) ?? [])].sort((a, b) => a.name.localeCompare(b.name)).map((s) => objectElement(el, 'service', s.id));
}

export function showStack(ctx: TreeContext, el: StackElement): Shown {
  return { presentation: d.describeStack(el.name, ctx.stacks().get(el.name)?.length ?? 0), context: cv.stackContext(), collapsible: 'collapsed' };
}

export function bucketChildren(ctx: TreeContext, el: BucketElement): TreeElement[] {
  return sortTasks(ctx.buckets().get(el.bucket) ?? [], ctx).map((t) => objectElement(el, 'task', t.id));
}

export function showBucket(ctx: TreeContext, el: BucketElement): Shown {
  const n = ctx.buckets().get(el.bucket)?.length ?? 0;
  // Problems open by themselves; healthy tasks stay folded (a big swarm has thousands).
  const open = el.bucket === 'failed' || el.bucket === 'rejected' || el.bucket === 'stuck';
  return { presentation: d.describeBucket(el.bucket, n), context: cv.bucketContext(el.bucket), collapsible: open ? 'expanded' : 'collapsed' };
}
