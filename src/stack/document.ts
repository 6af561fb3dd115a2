// A stack file read once, the way the docker CLI reads it: YAML tree (with offsets), the merged
// document, interpolation, the schema version and the typed model. Everything else — diagnostics,
// quick fixes, completion, hover, later the converter — works from this, so a document version is
// parsed once (the editor caches it by uri and version).
import { LineIndex, parseYaml, type ParsedYaml } from '../yamlAst';
import { buildModel } from './build';
import { interpolate, type Interpolated } from './interpolate';
import type { StackModel } from './model';
import type { Env } from './template';
import { resolveTree, type ResolvedTree } from './tree';
import { LATEST_MINOR, versionOf, type VersionInfo } from './version';

export interface StackDocument {
  readonly text: string;
  readonly lines: LineIndex;
  readonly yaml: ParsedYaml;
  /** Merged (aliases, `<<:`), before interpolation. */
  readonly tree: ResolvedTree;
  readonly version: VersionInfo;
  /** After interpolation (undefined when the document is not a mapping). */
  readonly interpolated: Interpolated | undefined;
  readonly model: StackModel | undefined;
}

/** `env`: the variables `docker stack deploy` would see; undefined when unknown. */
export function readStack(text: string, env: Env | undefined): StackDocument {
  const yaml = parseYaml(text);
  const tree = resolveTree(yaml.root);
  const version = versionOf(tree.root);
  const interpolated = tree.root ? interpolate(tree.root, env) : undefined;
  const model = interpolated ? buildModel(interpolated.root, version.minor ?? LATEST_MINOR) : undefined;
  return { text, lines: new LineIndex(text), yaml, tree, version, interpolated, model };
}
