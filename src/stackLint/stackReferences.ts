// What a stack file needs from the swarm, for completion and cluster-aware hints (pure).
import { parseYaml } from '../yamlAst';
import { externalRefs, parseLabelConstraint, type LabelConstraint } from './externals';
import { Doc } from './yamlAccess';

export interface StackReferences {
  externalNetworks: string[];
  externalSecrets: string[];
  externalConfigs: string[];
  /** `node.labels.*` / `engine.labels.*` placement constraints, per service, in file order. */
  labelConstraints: LabelConstraint[];
}

export function stackReferences(text: string): StackReferences {
  const out: StackReferences = { externalNetworks: [], externalSecrets: [], externalConfigs: [], labelConstraints: [] };
  const parsed = parseYaml(text);
  const root = parsed.root;
  if (root?.kind !== 'map') return out;
  const doc = new Doc(parsed.anchors);
  for (const ref of externalRefs(root, doc)) {
    const list = ref.kind === 'network' ? out.externalNetworks : ref.kind === 'secret' ? out.externalSecrets : out.externalConfigs;
    if (!list.includes(ref.name)) list.push(ref.name);
  }
  for (const { name, map } of doc.eachService(root)) {
    const deploy = doc.getMap(map, 'deploy');
    const placement = deploy ? doc.getMap(deploy, 'placement') : undefined;
    const constraints = placement ? doc.getValue(placement, 'constraints') : undefined;
    if (constraints?.kind !== 'seq') continue;
    for (const item of constraints.items) {
      if (item.kind !== 'scalar' || typeof item.value !== 'string') continue;
      const c = parseLabelConstraint(name, item.value);
      if (c) out.labelConstraints.push(c);
    }
  }
  return out;
}
