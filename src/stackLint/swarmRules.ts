// Rules that hold for swarm services beyond the schema: things the CLI or the engine refuse at deploy time.
import { Document, YAMLMap, isMap, isScalar, isSeq } from 'yaml';
import { checkConstraint } from './constraints';
import { Reporter } from './report';
import { eachService, findPair, getMap, getString, getValue } from './yamlAccess';

export function checkSwarmRules(root: YAMLMap, doc: Document, r: Reporter): void {
  for (const svc of eachService(root, doc)) {
    const { name, map } = svc;
    const ext = findPair(map, 'extends', doc);
    if (ext) {
      r.at(ext.key, 'extends-unsupported', 'error', `\`services.${name}.extends\` is not supported by docker stack deploy: use YAML anchors (\`<<: *common\`) or several -c files.`);
    }
    const dep = findPair(map, 'depends_on', doc);
    if (dep && map.items.includes(dep)) {
      r.at(dep.key, 'depends-on-ignored', 'info', `The CLI silently ignores \`services.${name}.depends_on\`: swarm starts services in any order; make services retry their dependencies.`);
    }
    if (!findPair(map, 'image', doc)) {
      r.at(svc.keyNode, 'missing-image', 'error', `Service \`${name}\` has no \`image\`: swarm cannot build images; build and push one, then set \`image\`.`);
    }
    const deploy = getMap(map, 'deploy', doc);
    if (deploy) checkDeploy(name, map, deploy, doc, r);
  }
}

function checkDeploy(name: string, service: YAMLMap, deploy: YAMLMap, doc: Document, r: Reporter): void {
  const replicas = findPair(deploy, 'replicas', doc);
  if (replicas && getString(deploy, 'mode', doc) === 'global') {
    r.at(replicas.key, 'replicas-with-global', 'error', `\`services.${name}.deploy.replicas\` cannot be used with \`mode: global\` (one task per node): remove replicas or use mode: replicated.`);
  }
  if (getString(deploy, 'endpoint_mode', doc) === 'dnsrr') {
    const ports = getValue(service, 'ports', doc);
    if (isSeq(ports)) {
      for (const port of ports.items) {
        // Short syntax always publishes through the ingress routing mesh; long syntax unless mode: host.
        const hostMode = isMap(port) && getString(port, 'mode', doc) === 'host';
        if (hostMode) continue;
        r.at(port, 'dnsrr-ingress-port', 'error', `\`services.${name}\` uses endpoint_mode: dnsrr, which cannot publish ports through the ingress mesh: use the long port syntax with \`mode: host\`, or endpoint_mode: vip.`);
      }
    }
  }
  const placement = getMap(deploy, 'placement', doc);
  const constraints = placement ? getValue(placement, 'constraints', doc) : undefined;
  if (!isSeq(constraints)) return;
  for (const item of constraints.items) {
    if (!isScalar(item) || typeof item.value !== 'string' || item.value.includes('${')) continue;
    const problem = checkConstraint(item.value);
    if (problem) r.at(item, 'bad-constraint', problem.severity, problem.message, problem.suggestion ? { suggestion: problem.suggestion } : undefined);
  }
}
