// A small YAML syntax tree with source offsets: what the stack engine walks. Two builders fill it:
// lineParse.ts reads the block-style subset stack files use, fast; fullParse.ts (the `yaml` library)
// reads everything else and reports every error at its position. Scalars are typed as the docker CLI's
// YAML reader types them (cliScalars.ts), and only the first document counts, as for the CLI.
import type { ScalarTag } from './cliScalars';

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
  /** The value as the docker CLI reads it: string, number, boolean or null (a timestamp stays a string). */
  readonly value: unknown;
  /** go-yaml's tag of it; a mapping with a key that is not `str` (or `merge`) is refused by the CLI. */
  readonly tag: ScalarTag;
  /** The content with quotes and escapes resolved (go-yaml's `Value`: duplicate keys compare it). */
  readonly text: string;
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

/** `*name`: stands for the node anchored `&name` last before it (checked where it stands). */
export interface YAlias extends Span {
  readonly kind: 'alias';
  readonly name: string;
  /** Undefined when no earlier node has that anchor: the CLI refuses the file ("unknown anchor"). */
  readonly target: YNode | undefined;
}

export type YNode = YMap | YSeq | YScalar | YAlias;

export interface YamlError extends Span {
  readonly code: 'syntax' | 'tab';
  readonly message: string;
}

export interface ParsedYaml {
  /** The first document's root (the CLI reads no other); undefined when it is empty. */
  readonly root: YNode | undefined;
  readonly errors: readonly YamlError[];
  /** Where the CLI stops reading, when that is before the end of the text (see firstDocument.ts). */
  readonly ignoredFrom?: { readonly offset: number; readonly why: 'marker' | 'flow' | 'dedent' };
}

export function emptyScalar(at: number): YScalar {
  return { kind: 'scalar', start: at, end: at, value: null, tag: 'null', text: '', style: 'empty' };
}

/** The value under `key` in a map, if any (merges not followed: see src/stack for the merged view). */
export function get(map: YMap, key: string): YNode | undefined {
  return pairOf(map, key)?.value;
}

export function pairOf(map: YMap, key: string): YPair | undefined {
  return map.pairs.find((p) => p.key.text === key && p.key.tag === 'str');
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
