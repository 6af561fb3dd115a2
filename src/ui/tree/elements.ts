// The elements of the cluster tree: a union of node kinds, each a small immutable value with a key
// derived from its path (stable across refreshes, so VS Code keeps what was expanded). Pure.
import type { Kind } from '../../domain/model';
import type { TaskBucket } from '../../domain/taskBuckets';

export type GroupId = 'nodes' | 'services' | 'tasks' | 'stacks' | 'secrets' | 'configs' | 'networks';

export const GROUPS: readonly GroupId[] = ['nodes', 'services', 'tasks', 'stacks', 'secrets', 'configs', 'networks'];

export interface GroupElement { readonly type: 'group'; readonly key: string; readonly group: GroupId; readonly parent?: undefined }
export interface StackElement { readonly type: 'stack'; readonly key: string; readonly name: string; readonly parent: TreeElement }
/** A state bucket of the Tasks group. */
export interface BucketElement { readonly type: 'bucket'; readonly key: string; readonly bucket: TaskBucket; readonly parent: TreeElement }
/** A Swarm object; `kind` and `id` are what commands act on. */
export interface ObjectElement { readonly type: 'object'; readonly key: string; readonly kind: Kind; readonly id: string; readonly parent: TreeElement }

export type TreeElement = GroupElement | StackElement | BucketElement | ObjectElement;

export const groupKey = (group: GroupId): string => `group:${group}`;

export function groupElement(group: GroupId): GroupElement {
  return { type: 'group', key: groupKey(group), group };
}

export function objectElement(parent: TreeElement, kind: Kind, id: string): ObjectElement {
  return { type: 'object', key: `${parent.key}/${kind}:${id}`, kind, id, parent };
}

export function stackElement(parent: TreeElement, name: string): StackElement {
  return { type: 'stack', key: `${parent.key}/stack:${name}`, name, parent };
}

export function bucketElement(parent: TreeElement, bucket: TaskBucket): BucketElement {
  return { type: 'bucket', key: `${parent.key}/bucket:${bucket}`, bucket, parent };
}

/** What the tree's toggles and settings choose. */
export interface TreeOptions {
  /** Show shutdown, failed and completed tasks of earlier updates too. */
  readonly showHistory: boolean;
  /** Services under their stack inside the Services group. */
  readonly groupByStack: boolean;
  readonly stuckAfterMs: number;
}

export const DEFAULT_TREE_OPTIONS: TreeOptions = { showHistory: false, groupByStack: false, stuckAfterMs: 30_000 };
