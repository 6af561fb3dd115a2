// What a stack file expects the swarm to hold already: external networks/secrets/configs and
// `node.labels.*` / `engine.labels.*` placement constraints. Read by the cluster checks.
import type { StackModel } from '../stack/model';
import type { YScalar } from '../yamlAst';
import { parseConstraint } from '../domain/constraints';

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

/** Names a service uses: the CLI looks up only those external objects (an unused one may be missing). */
function used(model: StackModel): Readonly<Record<ExternalKind, ReadonlySet<string>>> {
  const out = { network: new Set<string>(), secret: new Set<string>(), config: new Set<string>() };
  for (const s of model.services) {
    for (const n of s.networks) out.network.add(n.name);
    if (s.networks.length === 0) out.network.add('default');
    for (const r of s.secrets) out.secret.add(r.source.value);
    for (const r of s.configs) out.config.add(r.source.value);
  }
  return out;
}

/** Top-level entries declared `external: true` or `external: {name: …}` that a service uses, with their swarm names. */
export function externalRefs(model: StackModel): ExternalRef[] {
  const out: ExternalRef[] = [];
  const inUse = used(model);
  for (const [kind, defs] of [['network', model.networks], ['secret', model.secrets], ['config', model.configs]] as const) {
    for (const [key, def] of defs) {
      if (def.external?.value !== true || !inUse[kind].has(key)) continue;
      const name = def.name?.value ?? key;
      if (def.name?.unknown || (kind === 'network' && BUILTIN_NETWORKS.has(name))) continue;
      out.push({ kind, name, key: def.key });
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
