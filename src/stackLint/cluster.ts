// Checks against a live swarm's inventory (injected, so still pure): external objects that do not
// exist, and label constraints that no node satisfies.
import type { YScalar } from '../yamlAst';
import { ExternalRef, LabelConstraint } from './externals';
import { Reporter } from './report';
import type { ClusterFacts } from './types';

const CREATE: Readonly<Record<ExternalRef['kind'], (name: string) => string>> = {
  network: (n) => `docker network create -d overlay --scope swarm ${n}`,
  secret: (n) => `docker secret create ${n} <file>`,
  config: (n) => `docker config create ${n} <file>`,
};

const KIND_TITLE: Readonly<Record<ExternalRef['kind'], string>> = { network: 'Network', secret: 'Secret', config: 'Config' };

export function checkExternals(refs: readonly ExternalRef[], cluster: ClusterFacts, r: Reporter): void {
  if (refs.length === 0) return;
  const known = { network: new Set(cluster.networks), secret: new Set(cluster.secrets), config: new Set(cluster.configs) };
  for (const ref of refs) {
    if (known[ref.kind].has(ref.name)) continue;
    r.at(ref.key, 'external-not-found', 'error',
      `${KIND_TITLE[ref.kind]} \`${ref.name}\` is declared external but does not exist in the swarm: create it first (\`${CREATE[ref.kind](ref.name)}\`) or drop \`external\`.`,
      { kind: ref.kind, name: ref.name });
  }
}

/** Swarmkit compares values case-insensitively; a node without the label has "" (so `!=` matches it). */
function satisfiable(c: LabelConstraint, labelSets: readonly Readonly<Record<string, string>>[]): boolean {
  const want = c.value.toLowerCase();
  for (const labels of labelSets) {
    const have = (Object.prototype.hasOwnProperty.call(labels, c.label) ? labels[c.label] ?? '' : '').toLowerCase();
    if ((have === want) === (c.op === '==')) return true;
  }
  return false;
}

export function checkConstraintAgainstCluster(item: YScalar, c: LabelConstraint, cluster: ClusterFacts, r: Reporter): void {
  const labelSets = c.scope === 'node' ? cluster.nodeLabels : cluster.engineLabels;
  if (!labelSets || labelSets.length === 0 || c.value.includes('$') || satisfiable(c, labelSets)) return;
  const where = c.scope === 'node' ? 'node label' : 'engine label';
  const message = c.op === '=='
    ? `no node has ${where} ${c.label}=${c.value}: the tasks will stay Pending. Add it (docker node update --label-add ${c.label}=${c.value} <node>) or fix the constraint.`
    : `every node has ${where} ${c.label}=${c.value}: the tasks will stay Pending.`;
  r.at(item, 'constraint-unsatisfiable', 'warning', message, { label: c.label, value: c.value });
}
