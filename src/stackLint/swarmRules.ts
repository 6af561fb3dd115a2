// What `docker stack deploy` refuses after loading (`docker stack config` says nothing of these): the
// CLI's image check and converter, then the engine's validation of each service. Facts from docker/cli
// (stack loader, compose/convert) and moby/swarmkit (controlapi), read from source.
import type { Service, StackModel } from '../stack/model';
import { isImageReference } from '../stack/image';
import { parseBytes, parseCpus } from '../stack/units';
import type { YScalar } from '../yamlAst';
import { checkConstraint } from './constraints';
import { checkEnums, DEPLOY_ENUMS } from './deployEnums';
import type { Reporter } from './report';

export type OnConstraint = (item: YScalar, value: string, service: string) => void;

/** Calls `onConstraint` with every plain (non-interpolated) placement constraint, for cluster checks. */
export function checkSwarmRules(model: StackModel, r: Reporter, onConstraint?: OnConstraint): void {
  const ingress = new Map<string, string>();
  for (const svc of model.services) {
    checkImage(svc, r);
    checkMode(svc, r);
    checkEnums(svc, r);
    checkResources(svc, r);
    checkEndpoint(svc, r, ingress);
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

/** The engine's floor: at least 0.001 CPU and 4 MiB when set. */
function checkResources(svc: Service, r: Reporter): void {
  for (const [kind, res] of [['limits', svc.deploy.resources.limits], ['reservations', svc.deploy.resources.reservations]] as const) {
    const path = `services.${svc.name}.deploy.resources.${kind}`;
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

/** dnsrr cannot serve ingress ports; a published port and protocol once per service, ingress ones once per swarm. */
function checkEndpoint(svc: Service, r: Reporter, ingress: Map<string, string>): void {
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
      const other = isIngress ? ingress.get(key) : undefined;
      if (other !== undefined && other !== svc.name) {
        r.at(port.node, 'duplicate-port', 'error', `\`services.${svc.name}\` publishes ${key} through the ingress mesh, as \`${other}\` does: the second service cannot be created.`);
        break;
      }
      if (isIngress) ingress.set(key, svc.name);
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
