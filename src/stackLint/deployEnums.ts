// Values the schema lets through as any string but the converter or the engine refuse at deploy:
// endpoint_mode, failure_action, restart_policy.condition, long port mode and protocol, mount type
// and the mount options that go with it.
import type { At, Mount, Service } from '../stack/model';
import type { Reporter } from './report';
import { closest } from '../domain/suggest';

/** Values accepted at deploy for string keys the schema leaves open, by `<schema id>.<key>` (completion offers them too). */
export const DEPLOY_ENUMS: Readonly<Record<string, readonly string[]>> = {
  'deploy.mode': ['replicated', 'global', 'replicated-job', 'global-job'],
  'deploy.endpoint_mode': ['vip', 'dnsrr'],
  'updateConfig.failure_action': ['continue', 'pause', 'rollback'],
  'rollbackConfig.failure_action': ['continue', 'pause', 'rollback'], // the engine takes rollback here too (measured)
  'restartPolicy.condition': ['none', 'on-failure', 'any'],
  'portLong.mode': ['ingress', 'host'],
  'portLong.protocol': ['tcp', 'udp', 'sctp'],
  'volumeLong.type': ['volume', 'bind', 'tmpfs', 'npipe', 'cluster'],
  'service.restart': ['no', 'always', 'unless-stopped', 'on-failure'],
};
const E = (k: string): readonly string[] => DEPLOY_ENUMS[k] ?? [];

function oneOf(v: At<string> | undefined, allowed: readonly string[], path: string, r: Reporter, lower = false): void {
  if (!v || v.unknown) return;
  const value = lower ? v.value.toLowerCase() : v.value;
  if (value === '' || allowed.includes(value)) return;
  const suggestion = closest(v.value, allowed, 3);
  r.at(v.node, 'invalid-value', 'error', `\`${path}\` must be one of ${allowed.join(', ')}, not "${v.value}": docker stack deploy fails.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`, suggestion ? { suggestion } : undefined);
}

/** The engine maps a long port's mode and protocol through its enums, silently taking the default for a value it does not know (measured). */
function silently(v: At<string> | undefined, allowed: readonly string[], fallback: string, path: string, r: Reporter): void {
  if (!v || v.unknown || v.value === '' || allowed.includes(v.value.toLowerCase())) return;
  const suggestion = closest(v.value, allowed, 3);
  r.at(v.node, 'unknown-value', 'warning', `\`${path}\` must be one of ${allowed.join(', ')}: the engine takes "${v.value}" as ${fallback} without a word.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`, suggestion ? { suggestion } : undefined);
}

/** Which option block each mount type may carry (the converter refuses the others). */
const OPTIONS: Readonly<Record<string, readonly string[]>> = { volume: ['volume'], bind: ['bind'], tmpfs: ['tmpfs'], npipe: [], cluster: ['volume'] };

function checkMount(m: Mount, path: string, r: Reporter): void {
  if (m.syntax !== 'long' || !m.type || m.type.unknown) return;
  oneOf(m.type, E('volumeLong.type'), `${path}.type`, r);
  const type = m.type.value;
  const allowed = OPTIONS[type];
  if (!allowed || !m.map) return;
  for (const k of ['volume', 'bind', 'tmpfs']) {
    const e = m.map.entry(k);
    if (e && !allowed.includes(k)) r.at(e.keyNode, 'invalid-value', 'error', `\`${path}.${k}\`: ${k} options are incompatible with type ${type}: the CLI refuses the mount.`);
  }
  if (type === 'tmpfs' && m.source && m.source.value !== '') r.at(m.source.node, 'invalid-value', 'error', `\`${path}.source\`: a tmpfs mount has no source.`);
  if ((type === 'npipe' || type === 'cluster') && (!m.source || m.source.value === '')) r.at(m.node, 'invalid-value', 'error', `\`${path}\`: a ${type} mount needs a source.`);
}

export function checkEnums(svc: Service, r: Reporter): void {
  const base = `services.${svc.name}`;
  const d = svc.deploy;
  oneOf(d.endpointMode, E('deploy.endpoint_mode'), `${base}.deploy.endpoint_mode`, r, true);
  oneOf(d.updateConfig?.failureAction, E('updateConfig.failure_action'), `${base}.deploy.update_config.failure_action`, r);
  oneOf(d.rollbackConfig?.failureAction, E('rollbackConfig.failure_action'), `${base}.deploy.rollback_config.failure_action`, r);
  oneOf(d.restartPolicy?.condition, E('restartPolicy.condition'), `${base}.deploy.restart_policy.condition`, r);
  svc.ports.forEach((p, i) => {
    if (p.syntax !== 'long') return;
    silently(p.mode, E('portLong.mode'), 'ingress', `${base}.ports[${i}].mode`, r);
    silently(p.protocol, E('portLong.protocol'), 'tcp', `${base}.ports[${i}].protocol`, r);
  });
  svc.volumes.forEach((m, i) => checkMount(m, `${base}.volumes[${i}]`, r));
}
