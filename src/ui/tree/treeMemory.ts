// What the tree has handed to VS Code: every element it returned, by key, by parent, and by the
// Swarm object it shows (a task shows under its service, its node and a bucket of the Tasks group).
// Elements are reused by key, so VS Code sees the same object for the same row across refreshes,
// and a parent that no longer returns a child forgets it with its whole subtree. Pure.
import type { TreeElement } from './elements';

const objectRef = (kind: string, id: string): string => `${kind}:${id}`;

export class TreeMemory {
  private readonly elements = new Map<string, TreeElement>();
  /** Parent key ('' for the root) → keys of the children last returned. */
  private readonly children = new Map<string, Set<string>>();
  /** `kind:id` → keys of the elements showing that object. */
  private readonly showing = new Map<string, Set<string>>();

  clear(): void {
    this.elements.clear();
    this.children.clear();
    this.showing.clear();
  }

  get(key: string): TreeElement | undefined { return this.elements.get(key); }

  /** The remembered element with this key, or `fresh` (now remembered). */
  intern<E extends TreeElement>(fresh: E): TreeElement {
    const cached = this.elements.get(fresh.key);
    if (cached) return cached;
    this.elements.set(fresh.key, fresh);
    if (fresh.type === 'object') {
      const ref = objectRef(fresh.kind, fresh.id);
      let keys = this.showing.get(ref);
      if (!keys) this.showing.set(ref, keys = new Set());
      keys.add(fresh.key);
    }
    return fresh;
  }

  /** Records what a parent shows now; forgets what it no longer shows. */
  remember(parentKey: string, kids: readonly TreeElement[]): void {
    const now = new Set(kids.map((k) => k.key));
    for (const old of this.children.get(parentKey) ?? []) if (!now.has(old)) this.forget(old);
    this.children.set(parentKey, now);
  }

  /** Keys of the elements showing this object now. */
  keysShowing(kind: string, id: string): ReadonlySet<string> {
    return this.showing.get(objectRef(kind, id)) ?? new Set();
  }

  isShown(key: string): boolean { return this.elements.has(key); }

  /** Keys whose children VS Code asked for (expanded at some point, still remembered). */
  hasChildren(key: string): boolean { return this.children.has(key); }

  get size(): number { return this.elements.size; }

  private forget(key: string): void {
    const el = this.elements.get(key);
    this.elements.delete(key);
    if (el?.type === 'object') {
      const ref = objectRef(el.kind, el.id);
      const keys = this.showing.get(ref);
      keys?.delete(key);
      if (keys?.size === 0) this.showing.delete(ref);
    }
    const kids = this.children.get(key);
    this.children.delete(key);
    for (const k of kids ?? []) this.forget(k);
  }
}
