// Engine API version negotiation, the docker CLI's way (moby client `negotiateAPIVersionPing`):
// ping, then talk at the lower of our version and the daemon's `Api-Version` header; a daemon that
// sends none is taken to speak 1.24. Below 1.41 (Docker 20.10) the calls the store needs do not exist.

/** The newest Engine API this extension was written against (Docker 28). */
export const OUR_API_VERSION = '1.50';
/** The oldest it can work with: `ServiceStatus` in service lists came with 1.41 (Docker 20.10). */
export const MIN_API_VERSION = '1.41';
/** What moby's client assumes of a daemon whose ping has no `Api-Version` header. */
const FALLBACK_API_VERSION = '1.24';

/** Compares dotted versions numerically ("1.9" < "1.41"): negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The daemon speaks an API older than MIN_API_VERSION. */
export class UnsupportedEngine extends Error {
  override readonly name = 'UnsupportedEngine';
  constructor(readonly apiVersion: string, endpoint: string) {
    super(`The engine at ${endpoint} speaks Engine API ${apiVersion}; this extension needs ${MIN_API_VERSION} (Docker 20.10) or newer`);
  }
}

/** The version to talk at, given the daemon's `Api-Version` header (undefined when it sent none). */
export function negotiateApiVersion(daemon: string | undefined, endpoint: string): string {
  const theirs = daemon?.trim() || FALLBACK_API_VERSION;
  const chosen = compareVersions(theirs, OUR_API_VERSION) < 0 ? theirs : OUR_API_VERSION;
  if (compareVersions(chosen, MIN_API_VERSION) < 0) throw new UnsupportedEngine(chosen, endpoint);
  return chosen;
}
