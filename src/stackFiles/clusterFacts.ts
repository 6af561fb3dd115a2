// What the stack engine's cluster-aware checks need, from the cluster model: names of swarm-scoped
// networks, secrets and configs, and each node's labels. Used by swarm-lint (fresh lists) and the
// editor (the store's cache).
import type { Config, Network, Secret, SwarmNode } from '../domain/model';
import type { ClusterFacts } from '../stackLint';

export interface ClusterObjects {
  readonly networks: readonly Network[];
  readonly secrets: readonly Secret[];
  readonly configs: readonly Config[];
  readonly nodes: readonly SwarmNode[];
}

export function clusterFactsOf(o: ClusterObjects): ClusterFacts {
  return {
    networks: o.networks.map((n) => n.name),
    secrets: o.secrets.map((s) => s.name),
    configs: o.configs.map((c) => c.name),
    nodeLabels: o.nodes.map((n) => n.labels),
    engineLabels: o.nodes.map((n) => n.engineLabels),
  };
}
