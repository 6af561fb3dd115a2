// What a stack file expects the swarm to hold already: external networks/secrets/configs and
// `node.labels.*` / `engine.labels.*` placement constraints. Read by the cluster checks.
import type { YMap, YScalar } from '../yamlAst';
import { parseConstraint } from './constraints';
import { keyName } from './report';
import type { Doc } from './yamlAccess';

export type ExternalKind = 'network' | 'secret' | 'config';

export interface ExternalRef { kind: ExternalKind; /** The name in the swarm (`name:` or `external.name` when set). */ name: string; key: YScalar }

export interface LabelConstraint {
  service: string;
  scope: 'node' | 'engine';
  label: string;
  op: '==' | '!=';
  value: string;
}

/** Networks every node has as local-scoped ones: the CLI does not look them up. */
const BUILTIN_NETWORKS = new Set(['host', 'bridge', 'none', 'default']);
const LABEL_ATTRIBUTE = /^(node|engine)\.labels\.(.+)$/i;

/** Top-level entries declared `external: true` or `external: {name: …}`, with their swarm names. */
export function externalRefs(root: YMap, doc: Doc): ExternalRef[] {
  const out: ExternalRef[] = [];
  for (const kind of ['network', 'secret', 'config'] as const) {
    const section = doc.getMap(root, `${kind}s`);
    if (!section) continue;
    for (const pair of section.pairs) {
      const key = keyName(pair);
      const entry = doc.resolve(pair.value);
      if (key === undefined || key === '<<' || entry?.kind !== 'map') continue;
      const external = doc.getValue(entry, 'external');
      let name = doc.getString(entry, 'name');
      if (external?.kind === 'map') name = doc.getString(external, 'name') ?? name;
      else if (!(external?.kind === 'scalar' && external.value === true)) continue;
      name ??= key;
      if (name.includes('$') || (kind === 'network' && BUILTIN_NETWORKS.has(name))) continue;
      out.push({ kind, name, key: pair.key });
    }
  }
  return out;
}

/** `node.labels.zone == eu` → its parts; undefined for other constraints. */
export function parseLabelConstraint(service: string, text: string): LabelConstraint | undefined {
  const c = parseConstraint(text);
  const m = c && LABEL_ATTRIBUTE.exec(c.attr);
  if (!c || !m) return undefined;
  const [, scope, label] = m;
  return { service, scope: scope.toLowerCase() === 'node' ? 'node' : 'engine', label, op: c.op, value: c.value };
}
