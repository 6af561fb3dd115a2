// One dispatch over the node kinds: children and presentation of any element.
import { GROUPS, groupElement, type TreeElement } from '../elements';
import type { TreeContext } from '../treeContext';
import { bucketChildren, showBucket, showStack, stackChildren } from './containers';
import { groupChildren, showGroup } from './groups';
import { objectChildren, showObject } from './objects';
import type { Shown } from './shown';

export function childrenOf(ctx: TreeContext, el: TreeElement | undefined): TreeElement[] {
  if (!el) return GROUPS.map(groupElement);
  switch (el.type) {
    case 'group': return groupChildren(ctx, el);
    case 'stack': return stackChildren(ctx, el);
    case 'bucket': return bucketChildren(ctx, el);
    case 'object': return objectChildren(ctx, el);
  }
}

export function show(ctx: TreeContext, el: TreeElement): Shown {
  switch (el.type) {
    case 'group': return showGroup(ctx, el);
    case 'stack': return showStack(ctx, el);
    case 'bucket': return showBucket(ctx, el);
    case 'object': return showObject(ctx, el);
  }
}

export type { Shown } from './shown';
