// Keys newer than the declared `version`: each 3.x schema rejects keys it does not know yet
// ("Additional property init is not allowed" with version "3.0"). Keyed by `<schema>.<key>`;
// `x-*` stands for any extension key. Only gates we are sure of are listed.
export const MIN_MINOR: Readonly<Record<string, number>> = {
  'top.secrets': 1,
  'service.secrets': 1,
  'top.configs': 3,
  'service.configs': 3,
  'top.x-*': 4,
  'updateConfig.order': 4,
  'healthcheck.start_period': 4,
  'service.init': 7,
  'service.x-*': 7,
  'deploy.rollback_config': 7,
  'placement.max_replicas_per_node': 8,
  'limits.pids': 9,
};

/** The minor of a declared "3.x" version; undefined (no gate) when absent, bare "3" or unparsable: the CLI then uses the latest. */
export function declaredMinor(version: unknown): number | undefined {
  if (typeof version !== 'string') return undefined;
  const m = /^3\.(\d+)$/.exec(version);
  return m ? Number(m[1]) : undefined;
}
