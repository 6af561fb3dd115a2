// Rules that hold for swarm services beyond the schema: things the CLI or the engine refuse at deploy time.
import type { YMap, YScalar } from '../yamlAst';
import { checkConstraint } from './constraints';
import { Reporter } from './report';
import type { Doc, ServiceInfo } from './yamlAccess';


/** Calls `onConstraint` with every plain (non-interpolated) placement constraint, for cluster checks. */
export function checkSwarmRules(services: readonly ServiceInfo[], doc: Doc, r: Reporter, onConstraint?: (item: YScalar, value: string, service: string) => void): void {
  for (const svc of services) {
    const { name, map } = svc;
    const ext = doc.findPair(map, 'extends');
    if (ext) {
      r.at(ext.key, 'extends-unsupported', 'error', `\`services.${name}.extends\` is not supported by docker stack deploy: use YAML anchors (\`<<: *common\`) or several -c files.`);
    }
    const dep = doc.findPair(map, 'depends_on');
    if (dep && map.pairs.includes(dep)) {
      r.at(dep.key, 'depends-on-ignored', 'info', `The CLI silently ignores \`services.${name}.depends_on\`: swarm starts services in any order; make services retry their dependencies.`);
    }
    if (!doc.findPair(map, 'image')) {
      r.at(svc.keyNode, 'missing-image', 'error', `Service \`${name}\` has no \`image\`: swarm cannot build images; build and push one, then set \`image\`.`);
    }
    const deploy = doc.getMap(map, 'deploy');
    if (deploy) checkDeploy(name, map, deploy, doc, r, onConstraint);
  }
}

function checkDeploy(name: string, service: YMap, deploy: YMap, doc: Doc, r: Reporter, onConstraint?: (item: YScalar, value: string, service: string) => void): void {
  const replicas = doc.findPair(deploy, 'replicas');
  if (replicas && doc.getString(deploy, 'mode') === 'global') {
    r.at(replicas.key, 'replicas-with-global', 'error', `\`services.${name}.deploy.replicas\` cannot be used with \`mode: global\` (one task per node): remove replicas or use mode: replicated.`);
  }
  if (doc.getString(deploy, 'endpoint_mode') === 'dnsrr') {
    const ports = doc.getValue(service, 'ports');
    if (ports?.kind === 'seq') {
      for (const port of ports.items) {
        // Short syntax always publishes through the ingress routing mesh; long syntax unless mode: host.
        const hostMode = port.kind === 'map' && doc.getString(port, 'mode') === 'host';
        if (hostMode) continue;
        r.at(port, 'dnsrr-ingress-port', 'error', `\`services.${name}\` uses endpoint_mode: dnsrr, which cannot publish ports through the ingress mesh: use the long port syntax with \`mode: host\`, or endpoint_mode: vip.`);
      }
    }
  }
  const placement = doc.getMap(deploy, 'placement');
  const constraints = placement ? doc.getValue(placement, 'constraints') : undefined;
  if (constraints?.kind !== 'seq') return;
  for (const item of constraints.items) {
    if (item.kind !== 'scalar' || typeof item.value !== 'string' || item.value.includes('${')) continue;
    const problem = checkConstraint(item.value);
    if (problem) r.at(item, 'bad-constraint', problem.severity, problem.message, problem.suggestion ? { suggestion: problem.suggestion } : undefined);
    else onConstraint?.(item, item.value, name);
  }
}
