// What the engine refuses when the services are created (moby/swarmkit manager/controlapi, read from
// source; checked on the lab by the deploy sample): resource floors, negative update and restart
// durations, a failure ratio outside 0–1, health-check intervals under 1 ms, an update config on a job,
// two mounts on one target, two secrets or configs on one file.
import type { At, FileRef, Service } from '../stack/model';
import { parseBytes, parseCpus, parseDuration } from '../stack/units';
import type { Reporter } from './report';

function negative(d: At<string> | undefined, path: string, r: Reporter): void {
  const ns = d && !d.unknown ? parseDuration(d.value) : undefined;
  if (ns !== undefined && ns < 0) r.at(d?.node, 'invalid-value', 'error', `\`${path}\` cannot be negative: the engine refuses the service.`);
}

function resources(svc: Service, base: string, r: Reporter): void {
  for (const [kind, res] of [['limits', svc.deploy.resources.limits], ['reservations', svc.deploy.resources.reservations]] as const) {
    const path = `${base}.deploy.resources.${kind}`;
    if (res?.cpus && !res.cpus.unknown) {
      const nano = parseCpus(res.cpus.value);
      if (nano === undefined) r.at(res.cpus.node, 'invalid-value', 'error', `\`${path}.cpus\` is not a CPU count such as "0.5" (a decimal or a fraction, at most 9 decimals).`);
      else if (nano !== 0 && nano < 1e6) r.at(res.cpus.node, 'invalid-value', 'error', `\`${path}.cpus\` must be at least 0.001 (or 0 for none): the engine refuses less.`);
    }
    const bytes = res?.memory && !res.memory.unknown ? parseBytes(res.memory.value) : undefined;
    if (res?.memory && bytes !== undefined && bytes !== 0 && bytes < 4 * 2 ** 20) {
      r.at(res.memory.node, 'invalid-value', 'error', `\`${path}.memory\` must be at least 4M (or 0 for none): the engine refuses less.`);
    }
  }
}

/** Two references landing on one file: the target, or the source's name when there is none. */
function sameTarget(refs: readonly FileRef[], kind: string, base: string, r: Reporter): void {
  const seen = new Set<string>();
  for (const ref of refs) {
    const target = ref.target ?? ref.source.value;
    if (ref.source.unknown) continue;
    if (seen.has(target)) r.at(ref.node, 'invalid-value', 'error', `\`${base}.${kind}\`: two ${kind} land on "${target}": the engine refuses the service (give each its own \`target\`).`);
    seen.add(target);
  }
}

export function checkEngineRules(svc: Service, r: Reporter): void {
  const base = `services.${svc.name}`;
  const d = svc.deploy;
  resources(svc, base, r);
  const mode = d.mode?.unknown ? undefined : d.mode?.value;
  const job = mode === 'replicated-job' || mode === 'global-job';
  if (job && d.updateConfig) r.at(d.updateConfig.node, 'invalid-value', 'error', `\`${base}.deploy.update_config\`: a job (mode: ${mode ?? ''}) may not have an update config: the engine refuses the service.`);
  // The engine validates the update config (of services, not jobs) and the restart policy; the rollback config it takes as it is.
  const u = job ? undefined : d.updateConfig;
  if (u?.maxFailureRatio && (u.maxFailureRatio.value < 0 || u.maxFailureRatio.value > 1)) {
    r.at(u.maxFailureRatio.node, 'invalid-value', 'error', `\`${base}.deploy.update_config.max_failure_ratio\` must be between 0 and 1: the engine refuses the service.`);
  }
  negative(u?.delay, `${base}.deploy.update_config.delay`, r);
  negative(u?.monitor, `${base}.deploy.update_config.monitor`, r);
  negative(d.restartPolicy?.delay, `${base}.deploy.restart_policy.delay`, r);
  negative(d.restartPolicy?.window, `${base}.deploy.restart_policy.window`, r);
  const h = svc.healthcheck;
  for (const [key, v] of [['interval', h?.interval], ['timeout', h?.timeout], ['start_period', h?.startPeriod], ['start_interval', h?.startInterval]] as const) {
    const ns = v && !v.unknown ? parseDuration(v.value) : undefined;
    if (ns !== undefined && ns !== 0 && ns < 1e6) r.at(v?.node, 'invalid-value', 'error', `\`${base}.healthcheck.${key}\` must be 0 or at least 1ms: the engine refuses the service.`);
  }
  const targets = new Set<string>();
  for (const m of svc.volumes) {
    if (m.error || m.target === undefined || m.target === '') continue;
    if (targets.has(m.target)) r.at(m.node, 'duplicate-mount', 'error', `\`${base}.volumes\`: two mounts on "${m.target}": the engine refuses the service.`);
    targets.add(m.target);
  }
  sameTarget(svc.secrets, 'secrets', base, r);
  sameTarget(svc.configs, 'configs', base, r);
}
