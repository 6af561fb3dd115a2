// What `docker stack deploy` refuses after loading (`docker stack config` says nothing of these): the
// CLI's image check and converter, then the engine's validation of each service. Facts from docker/cli
// (stack loader, compose/convert) and moby/swarmkit (controlapi), read from source.
import type { Service, StackModel } from '../stack/model';
import { isImageReference } from '../stack/image';
import type { YScalar } from '../yamlAst';
import { checkConstraint } from '../domain/constraints';
import { checkEnums, DEPLOY_ENUMS } from './deployEnums';
import { checkEngineRules } from './engineRules';
import type { Reporter } from './report';

export type OnConstraint = (item: YScalar, value: string, service: string) => void;

/** Calls `onConstraint` with every plain (non-interpolated) placement constraint, for cluster checks. */
export function checkSwarmRules(model: StackModel, r: Reporter, onConstraint?: OnConstraint): void {
  const claimed: Published = new Map();
  for (const svc of model.services) {
    checkImage(svc, r);
    checkMode(svc, r);
    checkEnums(svc, r);
    checkEngineRules(svc, r);
    checkEndpoint(svc, r, claimed);
    checkHealthcheck(svc, r);
    checkConstraints(svc, r, onConstraint);
  }
}

function checkImage(svc: Service, r: Reporter): void {
  const image = svc.image;
  if (!image || image.value === '') {
    r.at(image?.node.end !== image?.node.start ? image?.node : svc.key, 'missing-image', 'error', `Service \`${svc.name}\` has no \`image\`: swarm cannot build images; build and push one, then set \`image\`.`, undefined, svc.key);
  } else if (!image.unknown && !isImageReference(image.value)) {
    r.at(image.node, 'invalid-value', 'error', `\`services.${svc.name}.image\` "${image.value}" is not an image reference the CLI accepts ([registry/]name[:tag][@digest], the name lower case).`);
  }
}

function checkMode(svc: Service, r: Reporter): void {
  const { mode, replicas } = svc.deploy;
  const m = mode?.unknown ? undefined : mode?.value ?? '';
  if (m !== undefined && m !== '' && !(DEPLOY_ENUMS['deploy.mode'] ?? []).includes(m) && mode) {
    r.at(mode.node, 'invalid-value', 'error', `\`services.${svc.name}.deploy.mode\` must be replicated, global, replicated-job or global-job, not "${m}": the CLI stops with "Unknown mode".`);
  }
  if (replicas && (m === 'global' || m === 'global-job')) {
    const deploy = svc.map.get('deploy');
    r.at(deploy?.kind === 'map' ? deploy.entry('replicas')?.keyNode : replicas.node, 'replicas-with-global', 'error', `\`services.${svc.name}.deploy.replicas\` cannot be used with \`mode: ${m}\` (one task per node): remove replicas or use mode: replicated.`);
  }
}

/** Which service publishes `port/protocol` through the ingress mesh, and which on their own nodes (host mode). */
type Published = Map<string, { ingress?: string; host?: string }>;

/**
 * dnsrr cannot serve ingress ports; a published port and protocol once per service; across services
 * (swarmkit's checkPortConflicts) an ingress port conflicts with any other service publishing it, host
 * mode ones only with ingress (two host-mode services share a port: the scheduler keeps them apart).
 */
function checkEndpoint(svc: Service, r: Reporter, claimed: Published): void {
  const dnsrr = svc.deploy.endpointMode?.value.toLowerCase() === 'dnsrr' && !svc.deploy.endpointMode.unknown;
  const mine = new Set<string>();
  for (const port of svc.ports) {
    if (port.error) continue;
    if (port.mode?.unknown) continue;
    // The engine upper-cases the mode and takes any other value as ingress.
    const isIngress = (port.mode?.value ?? '').toLowerCase() !== 'host';
    if (dnsrr && isIngress) {
      r.at(port.node, 'dnsrr-ingress-port', 'error', `\`services.${svc.name}\` uses endpoint_mode: dnsrr, which cannot publish ports through the ingress mesh: use the long port syntax with \`mode: host\`, or endpoint_mode: vip.`);
    }
    const published = port.published;
    if (!published || published.start === 0 || (port.syntax === 'long' && port.published === undefined)) continue;
    for (let p = published.start; p <= published.end; p++) {
      const proto = (port.protocol?.value ?? '').toLowerCase();
      const key = `${p}/${['udp', 'sctp'].includes(proto) ? proto : 'tcp'}`;
      if (mine.has(key)) {
        r.at(port.node, 'duplicate-port', 'error', `\`services.${svc.name}\` publishes ${key} twice: the engine refuses the service.`);
        break;
      }
      mine.add(key);
      const seen = claimed.get(key) ?? {};
      const other = isIngress ? seen.ingress ?? seen.host : seen.ingress;
      if (other !== undefined && other !== svc.name) {
        r.at(port.node, 'duplicate-port', 'error', `\`services.${svc.name}\` publishes ${key}${isIngress ? ' through the ingress mesh' : ''}, as \`${other}\` does${isIngress ? '' : ' through the ingress mesh'}: one of them cannot be created.`);
        break;
      }
      claimed.set(key, isIngress ? { ...seen, ingress: seen.ingress ?? svc.name } : { ...seen, host: seen.host ?? svc.name });
    }
  }
}

function checkHealthcheck(svc: Service, r: Reporter): void {
  const h = svc.healthcheck;
  if (h?.disable?.value === true && h.test !== undefined) {
    r.at(h.disable.node, 'invalid-value', 'error', `\`services.${svc.name}.healthcheck\` sets both \`disable: true\` and \`test\`: the CLI refuses ("test and disable can't be set at the same time"). Keep one.`);
  }
}

function checkConstraints(svc: Service, r: Reporter, onConstraint?: OnConstraint): void {
  for (const item of svc.deploy.placement.constraints) {
    if (item.unknown || item.node.kind !== 'scalar') continue;
    const problem = checkConstraint(item.value);
    if (problem) r.at(item.node, 'bad-constraint', problem.severity, problem.message, problem.suggestion ? { suggestion: problem.suggestion } : undefined);
    else onConstraint?.(item.node, item.value, svc.name);
  }
}
