// The connected swarm's facts for the stack-file features, from the cluster store's cache.
import type { ClusterFacts } from '../stackLint';
import { clusterFactsOf } from '../stackFiles/clusterFacts';
import type { ClusterView } from '../store/types';

/** Undefined unless the store is live: stale or absent data must not produce "does not exist" errors. */
export function liveClusterFacts(view: ClusterView | undefined): ClusterFacts | undefined {
  if (!view || view.connection.status !== 'live') return undefined;
  return clusterFactsOf({ networks: view.all('network'), secrets: view.all('secret'), configs: view.all('config'), nodes: view.all('node') });
}
