// What the fault tests share: short store timings, and the comparison of the store with a fresh listing.
import type { DockerSwarmApi } from '../../src/docker/dockerSwarmApi';
import { KINDS } from '../../src/domain/model';
import type { ClusterStore, StoreOptions } from '../../src/store/clusterStore';

/** Short timings so that each fault is detected in seconds (the defaults are in README). */
export const FAULT_TIMINGS: Partial<StoreOptions> = {
  coalesceMs: 50, backoffBaseMs: 200, backoffMaxMs: 1000, stableAfterMs: 3000, streamCheckMs: 4000, pingMs: 1000,
  fastTaskPollMs: 1000, slowTaskPollMs: 5000,
};
export const CALL_TIMEOUT_MS = 1500;

/** Every kind but tasks (which move between polls) has the ids and versions a fresh listing has. */
export async function differences(store: ClusterStore, truth: DockerSwarmApi): Promise<string[]> {
  const out: string[] = [];
  for (const kind of KINDS) {
    if (kind === 'task') continue;
    const want = (await truth.list(kind)).map((o) => `${o.id}@${o.version}`).sort();
    const have = store.all(kind).map((o) => `${o.id}@${o.version}`).sort();
    if (JSON.stringify(want) !== JSON.stringify(have)) out.push(`${kind}: store ${have.join(',')} engine ${want.join(',')}`);
  }
  return out;
}
