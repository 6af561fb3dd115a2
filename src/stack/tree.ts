// The document as the docker CLI holds it after reading the YAML (its `map[string]any`): aliases
// followed, `<<:` merges applied, every value still knowing where it is written. Reading it the CLI's
// way also finds what its reader refuses: duplicate keys, unknown anchors, bad merges, keys that are
// not strings, and values JSON cannot hold (.inf, .nan).
import type { ScalarTag, YMap, YNode, YScalar } from '../yamlAst';

/** Where a value is written: for values that came by an alias or a merge, inside the anchored node. */
interface Sourced { readonly src: YNode }

export interface SScalar extends Sourced {
  readonly kind: 'scalar';
  readonly src: YScalar;
  readonly value: unknown;
  readonly tag: ScalarTag;
  /** Interpolation changed it: the original text (interpolate.ts). */
  readonly template?: string;
  /** Interpolated without knowing the environment: its final value is unknown. */
  readonly unknown?: boolean;
}

export interface SEntry {
  readonly key: string;
  readonly keyNode: YScalar;
  readonly value: SNode;
  /** It arrived by a `<<:` merge (its key stands in the anchored map). */
  readonly merged: boolean;
}

export class SMap implements Sourced {
  readonly kind = 'map';
  /** Built on first use for larger maps; small ones are scanned (most maps have a handful of keys). */
  private index: Map<string, SEntry> | undefined;
  constructor(readonly src: YNode, readonly entries: readonly SEntry[]) {}
  entry(key: string): SEntry | undefined {
    const es = this.entries;
    if (es.length <= 12) {
      for (let i = 0; i < es.length; i++) if ((es[i] as SEntry).key === key) return es[i];
      return undefined;
    }
    if (!this.index) {
      this.index = new Map();
      for (const e of es) if (!this.index.has(e.key)) this.index.set(e.key, e);
    }
    return this.index.get(key);
  }
  get(key: string): SNode | undefined { return this.entry(key)?.value; }
  has(key: string): boolean { return this.entry(key) !== undefined; }
}

export interface SList extends Sourced {
  readonly kind: 'list';
  readonly items: readonly SNode[];
}

export type SNode = SMap | SList | SScalar;

export type TreeIssueKind = 'duplicate-key' | 'unknown-anchor' | 'bad-merge' | 'non-string-key' | 'unsupported-value' | 'not-a-mapping';

export interface TreeIssue { readonly kind: TreeIssueKind; readonly node: YNode; readonly message: string; readonly key?: string }

export interface ResolvedTree {
  /** Undefined when the document is not a mapping (the CLI refuses it). */
  readonly root: SMap | undefined;
  readonly issues: readonly TreeIssue[];
}

/** Past this many nodes (aliases can multiply a document) the CLI gives up too: "excessive aliasing". */
const MAX_NODES = 1_000_000;

class Resolver {
  readonly issues: TreeIssue[] = [];
  /** Anchored nodes, resolved (and checked) once however many aliases use them. */
  private readonly done = new Map<YNode, SNode>();
  private count = 0;

  node(n: YNode, top = false): SNode {
    if (++this.count > MAX_NODES) throw new Error('excessive aliasing');
    if (n.kind === 'alias') {
      if (!n.target) {
        this.issue('unknown-anchor', n, `unknown anchor '${n.name}' referenced`);
        return { kind: 'scalar', src: { kind: 'scalar', start: n.start, end: n.end, value: null, tag: 'null', text: '', style: 'empty' }, value: null, tag: 'null' };
      }
      return this.node(n.target);
    }
    const cached = this.done.get(n);
    if (cached) return cached;
    let out: SNode;
    if (n.kind === 'scalar') {
      if (typeof n.value === 'number' && !Number.isFinite(n.value)) this.issue('unsupported-value', n, `json: unsupported value: ${String(n.value)}`);
      out = { kind: 'scalar', src: n, value: n.value, tag: n.tag };
    } else if (n.kind === 'seq') {
      out = { kind: 'list', src: n, items: n.items.map((i) => this.node(i)) };
    } else out = this.map(n, top);
    if (n.anchor !== undefined) this.done.set(n, out);
    return out;
  }

  private map(m: YMap, top: boolean): SMap {
    this.checkKeys(m, top);
    const entries: SEntry[] = [];
    const own = new Set<string>();
    const merges: YNode[] = [];
    for (const p of m.pairs) {
      if (p.key.tag === 'merge') { merges.push(p.value); continue; }
      if (own.has(p.key.text)) continue; // a duplicate: reported by checkKeys
      own.add(p.key.text);
      entries.push({ key: p.key.text, keyNode: p.key, value: this.node(p.value), merged: false });
    }
    // go-yaml: own keys win wherever they stand; of several merged maps, the first that has a key wins.
    for (const value of merges) {
      for (const source of this.mergeSources(value)) {
        for (const e of source.entries) {
          if (own.has(e.key)) continue;
          own.add(e.key);
          entries.push({ ...e, merged: true });
        }
      }
    }
    return new SMap(m, entries);
  }

  private mergeSources(value: YNode): SMap[] {
    const one = (n: YNode): SMap | undefined => {
      const target = n.kind === 'alias' ? n.target : n;
      if (n.kind === 'alias' && !target) { this.node(n); return undefined; }
      if (target?.kind !== 'map') {
        this.issue('bad-merge', n, 'map merge requires map or sequence of maps as the value');
        return undefined;
      }
      return this.node(n) as SMap;
    };
    if (value.kind === 'seq') return value.items.flatMap((i) => one(i) ?? []);
    return [one(value)].flatMap((m) => m ?? []);
  }

  /** go-yaml compares key texts (so `1` and `"1"` clash); JSON needs string keys. */
  private checkKeys(m: YMap, top: boolean): void {
    const texts = new Map<string, YScalar>();
    let nonString: YScalar | undefined;
    for (const { key } of m.pairs) {
      const earlier = texts.get(key.text);
      if (earlier) this.issues.push({ kind: 'duplicate-key', node: key, message: `mapping key "${key.text}" already defined`, key: key.text });
      else texts.set(key.text, key);
      if (key.tag !== 'str' && key.tag !== 'merge') nonString ??= key;
    }
    if (nonString) {
      this.issue(top ? 'not-a-mapping' : 'non-string-key', nonString, top ? 'top-level object must be a mapping'
        : `json: unsupported type: a mapping with the non-string key ${nonString.text === '' ? 'null' : nonString.text}`);
    }
  }

  issue(kind: TreeIssueKind, node: YNode, message: string): void {
    this.issues.push({ kind, node, message });
  }
}

/** The CLI's view of a parsed document (its first document). */
export function resolveTree(root: YNode | undefined): ResolvedTree {
  const r = new Resolver();
  if (!root || (root.kind !== 'map' && !(root.kind === 'alias' && root.target?.kind === 'map'))) {
    // An empty document too: the CLI has nothing to deploy.
    r.issue('not-a-mapping', root ?? { kind: 'scalar', start: 0, end: 0, value: null, tag: 'null', text: '', style: 'empty' }, 'top-level object must be a mapping');
    return { root: undefined, issues: r.issues };
  }
  try {
    const tree = r.node(root, true);
    return { root: tree.kind === 'map' ? tree : undefined, issues: r.issues };
  } catch {
    r.issue('unsupported-value', root, 'document contains excessive aliasing');
    return { root: undefined, issues: r.issues };
  }
}
