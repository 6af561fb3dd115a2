// The `swarm.cluster` tree over a ClusterView: a thin TreeDataProvider. The node kinds (./kinds)
// say what each element lists and shows, the planner (./refreshPlanner) which elements a batch of
// changes touches, the memory (./treeMemory) what VS Code holds. While the view is hidden nothing is
// built: batches only mark the tree stale, and it refreshes whole when it shows again. While it shows
// tasks (a service, a node or a bucket of the Tasks group expanded), it holds the store's fast task
// poll: changes on other nodes reach no event stream.
import * as vscode from 'vscode';
import type { Kind, Task } from '../../domain/model';
import type { TaskBucket } from '../../domain/taskBuckets';
import type { ClusterView } from '../../store/types';
import { DEFAULT_TREE_OPTIONS, groupElement, objectElement, type GroupId, type TreeElement, type TreeOptions } from './elements';
import { childrenOf, show } from './kinds';
import { planRefresh, REFRESH_DEBOUNCE_MS, serviceShape } from './refreshPlanner';
import { TreeContext } from './treeContext';
import { TreeMemory } from './treeMemory';

export type { TreeElement } from './elements';

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

export class ClusterTreeProvider implements vscode.TreeDataProvider<TreeElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeElement | TreeElement[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: ClusterView | undefined;
  private subscriptions: vscode.Disposable[] = [];
  private readonly memory = new TreeMemory();
  private options: TreeOptions = DEFAULT_TREE_OPTIONS;
  private ctx: TreeContext | undefined;
  /** What the last render showed, for the planner. */
  private bucketsShown: ReadonlyMap<TaskBucket, readonly Task[]> | undefined;
  private readonly shapes = new Map<string, string>();
  private readonly places = new Map<string, { serviceId: string; nodeId?: string }>();
  private pending: Set<TreeElement> | 'all' | undefined;
  private timer: NodeJS.Timeout | undefined;
  private visible = true;
  /** Keys of the expanded elements that list tasks. */
  private readonly showingTasks = new Set<string>();
  private fastPoll: { dispose(): void } | undefined;
  private wasStale = false;
  private disposed = false;

  constructor(private readonly debounceMs = REFRESH_DEBOUNCE_MS) {}

  /** Shows another store (or none); the whole tree is rebuilt. */
  setView(view: ClusterView | undefined): void {
    for (const s of this.subscriptions) s.dispose();
    this.fastPoll?.dispose();
    this.fastPoll = undefined;
    this.view = view;
    this.holdFastPoll();
    this.forgetAll();
    this.subscriptions = view
      ? [view.onDidChange((b) => this.onBatch(b)), view.onDidChangeConnection(() => this.onConnection())]
      : [];
    this.wasStale = this.context()?.stale ?? false;
    this.schedule('all');
  }

  setOptions(options: Partial<TreeOptions>): void {
    this.options = { ...this.options, ...options };
    this.schedule('all');
  }

  get currentOptions(): TreeOptions { return this.options; }

  /** The view became visible or hidden: hidden, nothing is built; shown again, one full refresh. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    this.holdFastPoll();
    if (visible) this.schedule('all');
  }

  /** VS Code expanded or collapsed an element (TreeView.onDidExpandElement / onDidCollapseElement). */
  setExpanded(element: TreeElement, expanded: boolean): void {
    const listsTasks = element.type === 'bucket' || (element.type === 'group' && element.group === 'tasks')
      || (element.type === 'object' && (element.kind === 'service' || element.kind === 'node'));
    if (!listsTasks) return;
    if (expanded) this.showingTasks.add(element.key); else this.showingTasks.delete(element.key);
    this.holdFastPoll();
  }

  private holdFastPoll(): void {
    const want = this.view !== undefined && this.visible && this.showingTasks.size > 0;
    if (want && !this.fastPoll) this.fastPoll = this.view?.watch();
    if (!want && this.fastPoll) { this.fastPoll.dispose(); this.fastPoll = undefined; }
  }

  getChildren(element?: TreeElement): TreeElement[] {
    const ctx = this.context();
    // No data yet, or none at all: an empty tree lets the view's welcome content explain why.
    if (!ctx || (element === undefined && !hasData(ctx.view))) { this.memory.remember('', []); return []; }
    const kids = childrenOf(ctx, element).map((k) => this.memory.intern(k));
    this.memory.remember(element?.key ?? '', kids);
    if (element?.type === 'group' && element.group === 'tasks') this.bucketsShown = ctx.buckets();
    return kids;
  }

  getParent(element: TreeElement): TreeElement | undefined {
    return element.parent;
  }

  getTreeItem(element: TreeElement): vscode.TreeItem {
    const ctx = this.context();
    if (!ctx) return new vscode.TreeItem('');
    const shown = show(ctx, element);
    const p = shown.presentation;
    this.recordShown(ctx, element);
    const item = new vscode.TreeItem(p.label, COLLAPSIBLE[shown.collapsible]);
    item.id = element.key;
    item.description = p.description;
    item.contextValue = shown.context;
    item.iconPath = new vscode.ThemeIcon(p.icon.id, p.icon.color ? new vscode.ThemeColor(p.icon.color) : undefined);
    return item;
  }

  /** Tooltips are built on hover only. */
  resolveTreeItem(item: vscode.TreeItem, element: TreeElement): vscode.TreeItem {
    const ctx = this.context();
    if (ctx) item.tooltip = show(ctx, element).presentation.tooltip();
    return item;
  }

  /** The element showing an object (services, nodes and tasks: under their groups), for `TreeView.reveal`. */
  find(kind: Kind, id: string): TreeElement | undefined {
    const view = this.view;
    if (!view) return undefined;
    if (kind === 'task') {
      const task = view.get('task', id);
      const service = task && this.find('service', task.serviceId);
      return service && this.memory.intern(objectElement(service, 'task', id));
    }
    if (!view.get(kind, id)) return undefined;
    const group = this.memory.intern(groupElement(GROUP_OF[kind]));
    return this.memory.intern(objectElement(group, kind, id));
  }

  dispose(): void {
    this.disposed = true;
    this.fastPoll?.dispose();
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const s of this.subscriptions) s.dispose();
    this.subscriptions = [];
    this.changed.dispose();
  }

  private context(): TreeContext | undefined {
    if (!this.view) return undefined;
    this.ctx ??= new TreeContext(this.view, this.options);
    return this.ctx;
  }

  private recordShown(ctx: TreeContext, el: TreeElement): void {
    if (el.type !== 'object') return;
    if (el.kind === 'service') { const s = ctx.view.get('service', el.id); if (s) this.shapes.set(s.id, serviceShape(s)); }
    if (el.kind === 'task') { const t = ctx.view.get('task', el.id); if (t) this.places.set(t.id, { serviceId: t.serviceId, nodeId: t.nodeId }); }
  }

  private forgetAll(): void {
    this.memory.clear();
    this.shapes.clear();
    this.places.clear();
    this.bucketsShown = undefined;
    this.ctx = undefined;
  }

  private onBatch(batch: Parameters<typeof planRefresh>[0]['batch']): void {
    const view = this.view;
    const before = this.bucketsShown;
    this.ctx = undefined;  // derived views (buckets, stacks) are recomputed on demand
    if (!view || !this.visible) return;  // the next show refreshes everything
    const ctx = new TreeContext(view, this.options);
    this.ctx = ctx;
    const plan = planRefresh({ batch, view, memory: this.memory, bucketsBefore: before, bucketsNow: () => ctx.buckets(),
      serviceShape: this.shapes, taskPlace: this.places });
    for (const c of batch.changes) if (c.kind === 'task') for (const id of c.removed) this.places.delete(id);
    if (this.memory.isShown(groupElement('tasks').key)) this.bucketsShown = ctx.buckets();
    this.schedule(plan);
  }

  private onConnection(): void {
    const stale = this.context()?.stale ?? false;
    this.ctx = undefined;
    if (stale === this.wasStale && hasData(this.view)) { this.schedule([...this.groupsShown()]); return; }
    this.wasStale = stale;
    this.schedule('all');
  }

  private *groupsShown(): Iterable<TreeElement> {
    for (const g of ['nodes', 'tasks'] as const) { const el = this.memory.get(groupElement(g).key); if (el) yield el; }
  }

  private schedule(plan: 'all' | readonly TreeElement[]): void {
    if (this.disposed) return;
    if (plan === 'all' || this.pending === 'all') this.pending = 'all';
    else { const set = this.pending ?? new Set<TreeElement>(); for (const el of plan) set.add(el); this.pending = set; }
    this.timer ??= setTimeout(() => this.flush(), this.debounceMs);
  }

  private flush(): void {
    this.timer = undefined;
    const pending = this.pending;
    this.pending = undefined;
    if (!this.visible || this.disposed) return;
    // An expanded service or node that is gone no longer shows tasks.
    for (const k of this.showingTasks) if (!this.memory.isShown(k)) this.showingTasks.delete(k);
    this.holdFastPoll();
    if (pending === 'all') { this.changed.fire(undefined); return; }
    if (pending && pending.size > 0) this.changed.fire([...pending]);
  }
}

const GROUP_OF: Readonly<Record<Kind, GroupId>> =
  { node: 'nodes', service: 'services', task: 'tasks', secret: 'secrets', config: 'configs', network: 'networks' };

function hasData(view: ClusterView | undefined): boolean {
  return view !== undefined && (view.connection.status === 'live' || view.all('node').length > 0);
}
