// The `swarm.cluster` tree over a ClusterView: groups (Nodes, Services, Stacks, Secrets, Configs, Networks),
// services expanding to their tasks, stacks to their services. Change batches refresh only the affected
// elements (debounced); elements are small objects cached by key so refresh, getParent and reveal work.
import * as vscode from 'vscode';
import type { Kind, Service, Task } from '../../domain/model';
import type { ChangeBatch, ClusterView, KindChange } from '../../store/types';
import * as cv from './contextValues';
import type { GroupId } from './contextValues';
import * as d from './describe';

export type ClusterElement =
  | { readonly type: 'group'; readonly key: string; readonly group: GroupId; readonly parent?: undefined }
  | { readonly type: 'stack'; readonly key: string; readonly name: string; readonly parent: ClusterElement }
  /** A node, service, task, secret, config or network; `id` is the Swarm object id. */
  | { readonly type: 'object'; readonly key: string; readonly kind: Kind; readonly id: string; readonly parent: ClusterElement };

type ListedKind = Exclude<Kind, 'task'>;
const GROUPS: readonly GroupId[] = ['nodes', 'services', 'stacks', 'secrets', 'configs', 'networks'];
const GROUP_KIND: Readonly<Record<Exclude<GroupId, 'stacks'>, ListedKind>> =
  { nodes: 'node', services: 'service', secrets: 'secret', configs: 'config', networks: 'network' };
const KIND_GROUP: Readonly<Record<ListedKind, GroupId>> =
  { node: 'nodes', service: 'services', secret: 'secrets', config: 'configs', network: 'networks' };
/** Past this many elements to refresh, refresh the whole tree. */
const MAX_TARGETS = 200;

const groupKey = (g: GroupId): string => `group:${g}`;
const byText = (a: string, b: string): number => a.localeCompare(b);

interface Rendered { p: d.Presentation; context: string; state: vscode.TreeItemCollapsibleState }

export class ClusterTreeProvider implements vscode.TreeDataProvider<ClusterElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ClusterElement | ClusterElement[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: ClusterView | undefined;
  private subscriptions: vscode.Disposable[] = [];
  private readonly elements = new Map<string, ClusterElement>();
  /** Parent key ('' for the root) → keys of the children last returned. */
  private readonly children = new Map<string, Set<string>>();
  /** Tasks by service id, rebuilt lazily after each batch. */
  private tasksByService: Map<string, Task[]> | undefined;
  /** Task id → service id, kept across batches so removed tasks still find their service. */
  private readonly taskService = new Map<string, string>();
  /** Service id → `name\0stack` as last shown: an update changing it re-sorts the groups. */
  private readonly serviceShape = new Map<string, string>();
  private pending: Set<string> | 'all' | undefined;
  private timer: NodeJS.Timeout | undefined;
  private wasStale = false;
  private disposed = false;

  constructor(private readonly debounceMs = 100) {}

  /** Shows another store (or none); the whole tree is rebuilt. */
  setView(view: ClusterView | undefined): void {
    for (const s of this.subscriptions) s.dispose();
    this.view = view;
    this.elements.clear(); this.children.clear(); this.taskService.clear(); this.serviceShape.clear();
    this.tasksByService = undefined;
    this.wasStale = isStale(view);
    this.subscriptions = view
      ? [view.onDidChange((b) => this.onBatch(b)), view.onDidChangeConnection(() => this.onConnection())]
      : [];
    this.schedule('all');
  }

  getChildren(element?: ClusterElement): ClusterElement[] {
    const kids = this.view ? this.childrenOf(this.view, element) : [];
    this.remember(element?.key ?? '', kids);
    return kids;
  }

  getParent(element: ClusterElement): ClusterElement | undefined {
    return element.parent;
  }

  getTreeItem(element: ClusterElement): vscode.TreeItem {
    const r = this.render(element);
    const item = new vscode.TreeItem(r.p.label, r.state);
    item.id = element.key;
    item.description = r.p.description;
    item.tooltip = r.p.tooltip;
    item.contextValue = r.context;
    item.iconPath = new vscode.ThemeIcon(r.p.icon.id, r.p.icon.color ? new vscode.ThemeColor(r.p.icon.color) : undefined);
    return item;
  }

  /** The element showing an object (services and tasks: under the Services group), for `TreeView.reveal`. */
  find(kind: Kind, id: string): ClusterElement | undefined {
    const view = this.view;
    if (!view) return undefined;
    if (kind === 'task') {
      const task = view.get('task', id);
      const service = task && this.find('service', task.serviceId);
      return service && this.element({ type: 'object', key: `${service.key}/task:${id}`, kind, id, parent: service });
    }
    if (!view.get(kind, id)) return undefined;
    const group = this.element({ type: 'group', key: groupKey(KIND_GROUP[kind]), group: KIND_GROUP[kind] });
    return this.element({ type: 'object', key: `${kind}:${id}`, kind, id, parent: group });
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const s of this.subscriptions) s.dispose();
    this.subscriptions = [];
    this.changed.dispose();
  }

  // --- children -------------------------------------------------------------------------------------

  private childrenOf(view: ClusterView, el: ClusterElement | undefined): ClusterElement[] {
    if (!el) return GROUPS.map((group) => this.element({ type: 'group', key: groupKey(group), group }));
    if (el.type === 'group') {
      if (el.group === 'stacks') {
        return this.stackNames(view).map((name) => this.element({ type: 'stack', key: `stack:${name}`, name, parent: el }));
      }
      const kind = GROUP_KIND[el.group];
      return this.sorted(view, kind).map((id) => this.element({ type: 'object', key: `${kind}:${id}`, kind, id, parent: el }));
    }
    if (el.type === 'stack') {
      return view.all('service').filter((s) => s.stack === el.name).sort((a, b) => byText(a.name, b.name))
        .map((s) => this.element({ type: 'object', key: `${el.key}/service:${s.id}`, kind: 'service', id: s.id, parent: el }));
    }
    if (el.kind !== 'service') return [];
    return d.tasksToShow(this.tasksOf(view, el.id))
      .map((t) => this.element({ type: 'object', key: `${el.key}/task:${t.id}`, kind: 'task', id: t.id, parent: el }));
  }

  private sorted(view: ClusterView, kind: ListedKind): string[] {
    const name = (o: { id: string; name?: string; hostname?: string }): string => o.hostname ?? o.name ?? o.id;
    return [...view.all(kind)].sort((a, b) => byText(name(a), name(b))).map((o) => o.id);
  }

  private stackNames(view: ClusterView): string[] {
    const names = new Set<string>();
    for (const s of view.all('service')) if (s.stack) names.add(s.stack);
    return [...names].sort(byText);
  }

  private tasksOf(view: ClusterView, serviceId: string): readonly Task[] {
    if (!this.tasksByService) {
      this.tasksByService = new Map();
      for (const t of view.all('task')) {
        this.taskService.set(t.id, t.serviceId);
        const list = this.tasksByService.get(t.serviceId);
        if (list) list.push(t); else this.tasksByService.set(t.serviceId, [t]);
      }
    }
    return this.tasksByService.get(serviceId) ?? [];
  }

  /** The cached element with this key, or `fresh` (now cached). */
  private element<E extends ClusterElement>(fresh: E): ClusterElement {
    const cached = this.elements.get(fresh.key);
    if (cached) return cached;
    this.elements.set(fresh.key, fresh);
    return fresh;
  }

  /** Records what a parent shows now and forgets elements it no longer shows (with their subtrees). */
  private remember(parentKey: string, kids: readonly ClusterElement[]): void {
    const now = new Set(kids.map((k) => k.key));
    for (const old of this.children.get(parentKey) ?? []) if (!now.has(old)) this.forget(old);
    this.children.set(parentKey, now);
  }

  private forget(key: string): void {
    this.elements.delete(key);
    const kids = this.children.get(key);
    this.children.delete(key);
    for (const k of kids ?? []) this.forget(k);
  }

  // --- items ----------------------------------------------------------------------------------------

  private render(el: ClusterElement): Rendered {
    const { None, Collapsed, Expanded } = vscode.TreeItemCollapsibleState;
    const view = this.view;
    if (!view) return { p: { label: '', description: '', tooltip: '', icon: { id: 'blank' } }, context: '', state: None };
    if (el.type === 'group') {
      const count = el.group === 'stacks' ? this.stackNames(view).length : view.all(GROUP_KIND[el.group]).length;
      const open = el.group === 'nodes' || el.group === 'services' ? Expanded : Collapsed;
      return { p: d.describeGroup(el.group, count, isStale(view)), context: cv.groupContext(el.group), state: open };
    }
    if (el.type === 'stack') {
      const count = view.all('service').filter((s) => s.stack === el.name).length;
      return { p: d.describeStack(el.name, count), context: cv.stackContext(), state: Collapsed };
    }
    const now = Date.now();
    const gone = { p: { label: el.id.slice(0, 12), description: 'gone', tooltip: `This ${el.kind} no longer exists.`, icon: { id: 'circle-slash' } }, context: '', state: None };
    switch (el.kind) {
      case 'node': {
        const n = view.get('node', el.id);
        const self = view.connection.status === 'live' ? view.connection.info.nodeId : undefined;
        return n ? { p: d.describeNode(n), context: cv.nodeContext(n, self), state: None } : gone;
      }
      case 'service': {
        const s = view.get('service', el.id);
        if (!s) return gone;
        this.serviceShape.set(s.id, shape(s));
        return { p: d.describeService(s, this.tasksOf(view, s.id)), context: cv.serviceContext(s), state: Collapsed };
      }
      case 'task': {
        const t = view.get('task', el.id);
        if (!t) return gone;
        const ctx = { serviceName: view.get('service', t.serviceId)?.name, nodeName: t.nodeId ? view.get('node', t.nodeId)?.hostname : undefined, now };
        return { p: d.describeTask(t, ctx), context: cv.taskContext(t), state: None };
      }
      case 'secret': { const o = view.get('secret', el.id); return o ? { p: d.describeSecret(o, now), context: cv.secretContext(o), state: None } : gone; }
      case 'config': { const o = view.get('config', el.id); return o ? { p: d.describeConfig(o, now), context: cv.configContext(o), state: None } : gone; }
      case 'network': { const o = view.get('network', el.id); return o ? { p: d.describeNetwork(o), context: cv.networkContext(o), state: None } : gone; }
    }
  }

  // --- refresh --------------------------------------------------------------------------------------

  private onBatch(batch: ChangeBatch): void {
    this.tasksByService = undefined;
    const keys = new Set<string>();
    for (const change of batch.changes) this.collect(change, keys);
    this.schedule(keys);
  }

  private collect(change: KindChange, keys: Set<string>): void {
    const view = this.view;
    if (!view) return;
    if (change.kind === 'task') {
      for (const id of [...change.added, ...change.updated, ...change.removed]) {
        const serviceId = view.get('task', id)?.serviceId ?? this.taskService.get(id);
        if (serviceId) this.serviceKeys(serviceId, keys);
      }
      for (const id of change.removed) this.taskService.delete(id);
      return;
    }
    const group = groupKey(KIND_GROUP[change.kind]);
    if (change.added.length > 0 || change.removed.length > 0) {
      keys.add(group);
      if (change.kind === 'service') keys.add(groupKey('stacks'));
    }
    for (const id of change.removed) this.serviceShape.delete(id);
    for (const id of change.updated) {
      if (change.kind !== 'service') { keys.add(`${change.kind}:${id}`); continue; }
      const s = view.get('service', id);
      if (s && this.serviceShape.get(id) === shape(s)) this.serviceKeys(id, keys);
      else { keys.add(group); keys.add(groupKey('stacks')); }
    }
  }

  /** Keys of every element showing a service: under Services, and under its stack. */
  private serviceKeys(serviceId: string, keys: Set<string>): void {
    keys.add(`service:${serviceId}`);
    const stack = this.view?.get('service', serviceId)?.stack ?? this.serviceShape.get(serviceId)?.split('\0')[1];
    if (stack) keys.add(`stack:${stack}/service:${serviceId}`);
  }

  private onConnection(): void {
    const stale = isStale(this.view);
    if (stale === this.wasStale) { this.schedule([groupKey('nodes')]); return; }
    this.wasStale = stale;
    this.schedule(GROUPS.map(groupKey));
  }

  private schedule(keys: Iterable<string> | 'all'): void {
    if (this.disposed) return;
    if (keys === 'all' || this.pending === 'all') this.pending = 'all';
    else {
      const set = this.pending ?? new Set<string>();
      for (const k of keys) set.add(k);
      this.pending = set.size > MAX_TARGETS ? 'all' : set;
    }
    this.timer ??= setTimeout(() => this.flush(), this.debounceMs);
  }

  private flush(): void {
    this.timer = undefined;
    const pending = this.pending;
    this.pending = undefined;
    if (pending === 'all') { this.changed.fire(undefined); return; }
    const targets = [...pending ?? []].flatMap((k) => this.elements.get(k) ?? []);
    // An element under another target is refreshed with it.
    const covered = (el: ClusterElement): boolean => el.parent !== undefined && (pending?.has(el.parent.key) === true || covered(el.parent));
    const roots = targets.filter((el) => !covered(el));
    if (roots.length > 0) this.changed.fire(roots);
  }
}

/** Showing last known data while disconnected (not while first connecting, when there is none). */
function isStale(view: ClusterView | undefined): boolean {
  return view?.connection.status === 'stale' && view.all('node').length > 0;
}

function shape(s: Service): string {
  return `${s.name}\0${s.stack ?? ''}`;
}
