// A small YAML syntax tree with source offsets: what the stack linter walks. Two builders fill it —
// a fast one for well-formed files (js-yaml) and a thorough one that reports every error (yaml).

interface Span {
  /** Offset of the node's first character. */
  readonly start: number;
  /** Offset just past the node's last character. */
  readonly end: number;
}

export type ScalarStyle = 'plain' | 'quoted' | 'block' | 'empty';

interface Anchored {
  /** The `&name` the node carries, if any. */
  readonly anchor?: string;
}

export interface YScalar extends Span, Anchored {
  readonly kind: 'scalar';
  /** The value under YAML 1.2's core schema: string, number, boolean or null. */
  readonly value: unknown;
  readonly style: ScalarStyle;
}

export interface YPair {
  readonly key: YScalar;
  /** An absent value (`key:` and nothing) is an empty scalar at the end of the key. */
  readonly value: YNode;
}

export interface YMap extends Span, Anchored {
  readonly kind: 'map';
  readonly pairs: readonly YPair[];
}

export interface YSeq extends Span, Anchored {
  readonly kind: 'seq';
  readonly items: readonly YNode[];
}

/** `*name`: resolve it through `ParsedYaml.anchors` (the anchored node is checked where it stands). */
export interface YAlias extends Span {
  readonly kind: 'alias';
  readonly name: string;
}

export type YNode = YMap | YSeq | YScalar | YAlias;

export interface YamlError extends Span {
  readonly code: 'syntax' | 'tab' | 'duplicate-key';
  readonly message: string;
}

export interface ParsedYaml {
  readonly root: YNode | undefined;
  readonly errors: readonly YamlError[];
  /** Anchored nodes by name (the last definition wins when a name is reused). */
  readonly anchors: ReadonlyMap<string, YNode>;
}

export function emptyScalar(at: number): YScalar {
  return { kind: 'scalar', start: at, end: at, value: null, style: 'empty' };
}

export function styleOf(text: string, start: number): ScalarStyle {
  const c = text[start];
  if (c === '"' || c === "'") return 'quoted';
  if (c === '|' || c === '>') return 'block';
  return 'plain';
}

/** The value under `key` in a map, if any. */
export function get(map: YMap, key: string): YNode | undefined {
  for (const p of map.pairs) if (p.key.value === key) return p.value;
  return undefined;
}

export function pairOf(map: YMap, key: string): YPair | undefined {
  return map.pairs.find((p) => p.key.value === key);
}

export function keyName(pair: YPair): string {
  return typeof pair.key.value === 'string' ? pair.key.value : String(pair.key.value);
}

/** A flow collection (`{…}` / `[…]`) as opposed to a block one. */
export function isFlow(text: string, node: { readonly start: number }): boolean {
  return text[node.start] === '{' || text[node.start] === '[';
}

/** A block collection ends where its last child ends (trailing comments are not part of it); a flow one at its bracket. */
export function collectionEnd(text: string, start: number, end: number, lastChild: YNode | undefined): number {
  if (isFlow(text, { start }) || !lastChild) return end;
  return lastChild.end;
}
