// What the node kinds read while one batch of changes is rendered: the store, the options, the time,
// and derived views computed at most once per batch (the Tasks group's buckets, stack names).
import type { Service, Task } from '../../domain/model';
import { bucketTasks, DEFAULT_BUCKET_OPTIONS, type TaskBucket } from '../../domain/taskBuckets';
import type { ClusterView } from '../../store/types';
import type { TreeOptions } from './elements';

export class TreeContext {
  private bucketsMemo: Map<TaskBucket, Task[]> | undefined;
  private stacksMemo: Map<string, Service[]> | undefined;

  constructor(readonly view: ClusterView, readonly options: TreeOptions, readonly now = Date.now()) {}

  /** The node the extension talks to, when connected. */
  get selfNodeId(): string | undefined {
    return this.view.connection.status === 'live' ? this.view.connection.info.nodeId : undefined;
  }

  /** Showing last known data while disconnected (not while first connecting, when there is none). */
  get stale(): boolean {
    return this.view.connection.status === 'stale' && this.view.all('node').length > 0;
  }

  buckets(): ReadonlyMap<TaskBucket, readonly Task[]> {
    this.bucketsMemo ??= bucketTasks(this.view.all('task'), { ...DEFAULT_BUCKET_OPTIONS, stuckAfterMs: this.options.stuckAfterMs, now: this.now });
    return this.bucketsMemo;
  }

  /** Services by stack name (services without a stack are left out). */
  stacks(): ReadonlyMap<string, readonly Service[]> {
    if (!this.stacksMemo) {
      this.stacksMemo = new Map();
      for (const s of this.view.all('service')) {
        if (s.stack === undefined) continue;
        const list = this.stacksMemo.get(s.stack);
        if (list) list.push(s); else this.stacksMemo.set(s.stack, [s]);
      }
    }
    return this.stacksMemo;
  }

  serviceName(id: string): string | undefined { return this.view.get('service', id)?.name; }
  nodeName(id: string | undefined): string | undefined { return id === undefined ? undefined : this.view.get('node', id)?.hostname; }
}
