// The connected swarm's facts for the stack-file features, from the cluster store's cache.
import type { ClusterFacts } from '../stackLint';
import { clusterFactsOf } from '../stackFiles/clusterFacts';
import type { ClusterView } from '../store/types';

/** For completion: the networks a stack may attach to (not the routing mesh's `ingress`). */
export function liveAssistFacts(view: ClusterView | undefined): ClusterFacts | undefined {
  const facts = liveClusterFacts(view);
  if (!facts || !view) return facts;
  const ingress = new Set(view.all('network').filter((n) => n.ingress).map((n) => n.name));
  return { ...facts, networks: facts.networks.filter((n) => !ingress.has(n)) };
}

/** Undefined unless the store is live: stale or absent data must not produce "does not exist" errors. */
export function liveClusterFacts(view: ClusterView | undefined): ClusterFacts | undefined {
  if (!view || view.connection.status !== 'live') return undefined;
  return clusterFactsOf({ networks: view.all('network'), secrets: view.all('secret'), configs: view.all('config'), nodes: view.all('node') });
}
