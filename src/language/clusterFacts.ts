// What the stack-file features know about the connected swarm, read from the cluster store's cache.
import type { ClusterView } from '../store/types';

export interface StackClusterFacts {
  readonly networks: readonly string[];
  readonly secrets: readonly string[];
  readonly configs: readonly string[];
  readonly nodeLabels: readonly Readonly<Record<string, string>>[];
  readonly engineLabels: readonly Readonly<Record<string, string>>[];
}

/** Undefined unless the store is live: stale or absent data must not produce "does not exist" errors. */
export function clusterFactsOf(view: ClusterView | undefined): StackClusterFacts | undefined {
  if (!view || view.connection.status !== 'live') return undefined;
  const nodes = view.all('node');
  return {
    networks: view.all('network').map((n) => n.name),
    secrets: view.all('secret').map((s) => s.name),
    configs: view.all('config').map((c) => c.name),
    nodeLabels: nodes.map((n) => n.labels),
    engineLabels: nodes.map((n) => n.engineLabels),
  };
}
