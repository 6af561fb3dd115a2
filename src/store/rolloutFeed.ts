// One service's rollout view model, kept current from the store: observed on each change batch that
// concerns it (the service, any task, any node: the store polls tasks fast while a service converges)
// and once more when a `monitor` wait ends, the only time it observes by itself. The rollout panel
// sends what it produces to its webview; integration tests read it on the lab.
import { Emitter, type Disposable } from '../domain/emitter';
import type { Availability } from '../domain/rollout/actions';
import { RolloutTracker } from '../domain/rollout/tracker';
import type { RolloutView, TimelineEntry } from '../domain/rollout/view';
import type { ChangeBatch, ClusterView } from './types';

export class RolloutFeed implements Disposable {
  private readonly tracker: RolloutTracker;
  private readonly changes = new Emitter<RolloutView>();
  private view: ClusterView | undefined;
  private subscription: Disposable | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest: RolloutView | undefined;

  /** Fires each new view. */
  readonly onDidChange = this.changes.event;

  /** `timeline`: restored from an earlier view of the same service. */
  constructor(readonly serviceId: string, private readonly available: () => Availability, timeline: readonly TimelineEntry[] = []) {
    this.tracker = new RolloutTracker(serviceId, timeline);
  }

  /** The last view (undefined until the store could say anything: see `canObserve`). */
  get current(): RolloutView | undefined { return this.latest; }

  setView(view: ClusterView | undefined): void {
    this.subscription?.dispose();
    this.view = view;
    this.subscription = view?.onDidChange((b) => { if (this.concerns(b)) this.observe(); });
    this.observe();
  }

  /** Observe now (a batch, the end of a wait, or the host asking). */
  observe(): void {
    const view = this.view;
    if (!view || !canObserve(view)) return;
    const next = this.tracker.observe({
      service: view.get('service', this.serviceId), tasks: view.all('task'), nodes: view.all('node'),
      available: this.available(), now: Date.now(),
    });
    clearTimeout(this.timer);
    const remaining = next.header.phase.verifyRemainingMs;
    if (remaining !== undefined) this.timer = setTimeout(() => this.observe(), remaining + 50);
    this.latest = next;
    this.changes.fire(next);
  }

  private concerns(batch: ChangeBatch): boolean {
    return batch.resync || batch.changes.some((c) => c.kind === 'task' || c.kind === 'node'
      || (c.kind === 'service' && [...c.added, ...c.updated, ...c.removed].includes(this.serviceId)));
  }

  dispose(): void {
    this.subscription?.dispose();
    clearTimeout(this.timer);
    this.changes.dispose();
  }
}

/**
 * Only a store that has listed the cluster can say a service is gone; while connecting, or not
 * connected at all, the view keeps what it shows (e.g. the webview's state from before a reload).
 */
function canObserve(view: ClusterView): boolean {
  return view.connection.status === 'live' || view.connection.status === 'stale';
}
