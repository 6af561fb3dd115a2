// Names a service uses must be declared at the top level; files behind secrets/configs must exist.
import type { YMap, YNode } from '../yamlAst';
import { Reporter, keyName } from './report';
import { LintContext } from './types';
import type { Doc, ServiceInfo } from './yamlAccess';

const PATH_START = /^[./~\\$]/;
const DRIVE = /^[A-Za-z]$/;

function declared(root: YMap, section: string, doc: Doc): Set<string> {
  const names = new Set<string>();
  const m = doc.getMap(root, section);
  if (m) for (const p of m.pairs) { const k = keyName(p); if (k !== undefined) names.add(k); }
  return names;
}

/** Short volume syntax `source:target[:mode]`: a named volume unless the source is a path. */
function namedVolumeSource(spec: string): string | undefined {
  const parts = spec.split(':');
  if (parts.length < 2) return undefined; // anonymous volume
  const src = parts[0];
  if (src === '' || PATH_START.test(src) || DRIVE.test(src)) return undefined; // path, Windows drive or variable
  return src;
}

export function checkReferences(root: YMap, services: readonly ServiceInfo[], doc: Doc, ctx: LintContext, r: Reporter): void {
  const networks = declared(root, 'networks', doc);
  networks.add('default');
  const volumes = declared(root, 'volumes', doc);
  const defined = { secret: declared(root, 'secrets', doc), config: declared(root, 'configs', doc) };

  const need = (node: YNode, name: string, kind: 'network' | 'secret' | 'config' | 'volume', set: Set<string>, svc: string) => {
    if (set.has(name) || name.includes('$')) return;
    r.at(node, `undefined-${kind}`, 'error', `Service \`${svc}\` uses ${kind} \`${name}\`, which is not defined: add it under the top-level \`${kind}s:\` key.`, { name });
  };

  for (const { name: svc, map } of services) {
    const nets = doc.getValue(map, 'networks');
    if (nets?.kind === 'seq') for (const n of nets.items) { if (n.kind === 'scalar' && typeof n.value === 'string') need(n, n.value, 'network', networks, svc); }
    if (nets?.kind === 'map') for (const p of nets.pairs) { const k = keyName(p); if (k !== undefined && k !== '<<') need(p.key, k, 'network', networks, svc); }

    for (const kind of ['secret', 'config'] as const) {
      const refs = doc.getValue(map, `${kind}s`);
      if (refs?.kind !== 'seq') continue;
      for (const ref of refs.items) {
        if (ref.kind === 'scalar' && typeof ref.value === 'string') need(ref, ref.value, kind, defined[kind], svc);
        if (ref.kind === 'map') {
          const src = doc.getValue(ref, 'source');
          if (src?.kind === 'scalar' && typeof src.value === 'string') need(src, src.value, kind, defined[kind], svc);
        }
      }
    }

    const vols = doc.getValue(map, 'volumes');
    if (vols?.kind !== 'seq') continue;
    for (const v of vols.items) {
      if (v.kind === 'scalar' && typeof v.value === 'string') {
        const src = namedVolumeSource(v.value);
        if (src !== undefined) need(v, src, 'volume', volumes, svc);
      } else if (v.kind === 'map' && doc.getString(v, 'type') === 'volume') {
        const src = doc.getValue(v, 'source');
        if (src?.kind === 'scalar' && typeof src.value === 'string' && src.value !== '') need(src, src.value, 'volume', volumes, svc);
      }
    }
  }
  if (ctx.fileExists) checkFiles(root, doc, ctx.fileExists.bind(ctx), r);
}

function checkFiles(root: YMap, doc: Doc, exists: (p: string) => boolean, r: Reporter): void {
  for (const section of ['secrets', 'configs']) {
    const m = doc.getMap(root, section);
    if (!m) continue;
    for (const p of m.pairs) {
      const entry = p.value;
      if (entry.kind !== 'map') continue;
      const file = doc.getValue(entry, 'file');
      if (file?.kind !== 'scalar' || typeof file.value !== 'string' || file.value.includes('$')) continue;
      if (!exists(file.value)) {
        r.at(file, 'missing-file', 'error', `\`${section}.${keyName(p) ?? ''}.file\` points to "${file.value}", which does not exist (paths are relative to the stack file).`, { path: file.value });
      }
    }
  }
}
