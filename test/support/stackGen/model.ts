// The generator's document model: plain values plus a few wrappers for what plain JS cannot say —
// ordered maps that may repeat a key, text emitted verbatim, anchors, aliases, block scalars, flow style.

export class Raw { constructor(readonly text: string) {} }
export class Alias { constructor(readonly name: string) {} }
export class Anchored { constructor(readonly name: string, readonly value: GNode) {} }
export class Block { constructor(readonly text: string, readonly indicator: '|' | '|-' | '>' | '>-') {} }
export class Flow { constructor(readonly value: GNode) {} }

export type GNode = string | number | boolean | null | Raw | Alias | Anchored | Block | Flow | M | GNode[];

/** An ordered mapping; keys may repeat (for duplicate-key cases). */
export class M {
  entries: [string | Raw, GNode][];
  constructor(entries: [string | Raw, GNode][] = []) { this.entries = entries; }
  static of(o: Readonly<Record<string, GNode>>): M { return new M(Object.entries(o)); }
  get(key: string): GNode | undefined { return this.entries.find(([k]) => k === key)?.[1]; }
  set(key: string, value: GNode): this {
    const e = this.entries.find(([k]) => k === key);
    if (e) e[1] = value; else this.entries.push([key, value]);
    return this;
  }
  delete(key: string): void { this.entries = this.entries.filter(([k]) => k !== key); }
  keys(): string[] { return this.entries.map(([k]) => (typeof k === 'string' ? k : k.text)); }
  clone(): M { return new M(this.entries.map(([k, v]) => [k, cloneNode(v)])); }
}

export function cloneNode(n: GNode): GNode {
  if (n instanceof M) return n.clone();
  if (Array.isArray(n)) return n.map(cloneNode);
  if (n instanceof Anchored) return new Anchored(n.name, cloneNode(n.value));
  if (n instanceof Flow) return new Flow(cloneNode(n.value));
  return n;
}

/** Strips wrappers that only change style. */
export function unwrap(n: GNode | undefined): GNode | undefined {
  if (n instanceof Flow) return unwrap(n.value);
  if (n instanceof Anchored) return unwrap(n.value);
  return n;
}

export type Rnd = () => number;
export const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
export const chance = (rnd: Rnd, p: number): boolean => rnd() < p;

/** Every (parent map, key) pair under `n` whose path matches, with the path. */
export function walkMaps(n: GNode, visit: (m: M, path: string[]) => void, path: string[] = []): void {
  const v = unwrap(n);
  if (v instanceof M) {
    visit(v, path);
    for (const [k, child] of v.entries) walkMaps(child, visit, [...path, typeof k === 'string' ? k : k.text]);
  } else if (Array.isArray(v)) v.forEach((child) => walkMaps(child, visit, [...path, '-']));
}
