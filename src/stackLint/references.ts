// Names a service uses must be declared at the top level (the converter resolves them); files behind
// secrets and configs must exist (the CLI reads them to create the objects). Both at deploy only.
import type { At, StackModel } from '../stack/model';
import type { Reporter } from './report';
import type { LintContext } from './types';

type Kind = 'network' | 'secret' | 'config' | 'volume';

export function checkReferences(model: StackModel, ctx: LintContext, r: Reporter): void {
  const declared: Readonly<Record<Kind, ReadonlyMap<string, unknown>>> = {
    network: model.networks, secret: model.secrets, config: model.configs, volume: model.volumes,
  };
  const need = (kind: Kind, name: At<string>, svc: string) => {
    if (name.unknown || declared[kind].has(name.value) || (kind === 'network' && name.value === 'default')) return;
    r.at(name.node, `undefined-${kind}`, 'error', `Service \`${svc}\` uses ${kind} \`${name.value}\`, which is not defined: add it under the top-level \`${kind}s:\` key.`, { name: name.value });
  };
  for (const svc of model.services) {
    for (const n of svc.networks) need('network', { value: n.name, node: n.node }, svc.name);
    for (const s of svc.secrets) need('secret', s.source, svc.name);
    for (const c of svc.configs) need('config', c.source, svc.name);
    for (const m of svc.volumes) {
      if (m.error || m.type?.value !== 'volume' || !m.source || m.source.value === '') continue;
      need('volume', m.source, svc.name);
    }
  }
  if (ctx.fileExists) checkFiles(model, ctx.fileExists.bind(ctx), r);
}

function checkFiles(model: StackModel, exists: (p: string) => boolean, r: Reporter): void {
  for (const [section, defs] of [['secrets', model.secrets], ['configs', model.configs]] as const) {
    for (const [name, def] of defs) {
      const file = def.file;
      if (!file || file.unknown || def.external?.value === true || (def.driver && def.driver.value !== '')) continue;
      if (!exists(file.value)) {
        r.at(file.node, 'missing-file', 'error', `\`${section}.${name}.file\` points to "${file.value}", which does not exist or is a folder (paths are relative to the stack file).`, { path: file.value });
      }
    }
  }
}
