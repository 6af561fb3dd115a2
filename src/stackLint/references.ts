// Names a service uses must be declared at the top level; files behind secrets/configs must exist.
import { Document, YAMLMap, isMap, isScalar, isSeq } from 'yaml';
import { Reporter, keyName } from './report';
import { LintContext } from './types';
import { eachService, getMap, getString, getValue } from './yamlAccess';

function declared(root: YAMLMap, section: string, doc: Document): Set<string> {
  const names = new Set<string>();
  const m = getMap(root, section, doc);
  if (m) for (const p of m.items) { const k = keyName(p); if (k !== undefined) names.add(k); }
  return names;
}

/** Short volume syntax `source:target[:mode]`: a named volume unless the source is a path. */
function namedVolumeSource(spec: string): string | undefined {
  const parts = spec.split(':');
  if (parts.length < 2) return undefined; // anonymous volume
  const src = parts[0];
  if (src === '' || /^[./~\\$]/.test(src) || /^[A-Za-z]$/.test(src)) return undefined; // path, Windows drive or variable
  return src;
}

export function checkReferences(root: YAMLMap, doc: Document, ctx: LintContext, r: Reporter): void {
  const networks = declared(root, 'networks', doc);
  networks.add('default');
  const volumes = declared(root, 'volumes', doc);
  const defined = { secret: declared(root, 'secrets', doc), config: declared(root, 'configs', doc) };

  const need = (node: unknown, name: string, kind: 'network' | 'secret' | 'config' | 'volume', set: Set<string>, svc: string) => {
    if (set.has(name) || name.includes('$')) return;
    r.at(node, `undefined-${kind}`, 'error', `Service \`${svc}\` uses ${kind} \`${name}\`, which is not defined: add it under the top-level \`${kind}s:\` key.`, { name });
  };

  for (const { name: svc, map } of eachService(root, doc)) {
    const nets = getValue(map, 'networks', doc);
    if (isSeq(nets)) for (const n of nets.items) { if (isScalar(n) && typeof n.value === 'string') need(n, n.value, 'network', networks, svc); }
    if (isMap(nets)) for (const p of nets.items) { const k = keyName(p); if (k !== undefined && k !== '<<') need(p.key, k, 'network', networks, svc); }

    for (const kind of ['secret', 'config'] as const) {
      const refs = getValue(map, `${kind}s`, doc);
      if (!isSeq(refs)) continue;
      for (const ref of refs.items) {
        if (isScalar(ref) && typeof ref.value === 'string') need(ref, ref.value, kind, defined[kind], svc);
        if (isMap(ref)) {
          const src = getValue(ref, 'source', doc);
          if (isScalar(src) && typeof src.value === 'string') need(src, src.value, kind, defined[kind], svc);
        }
      }
    }

    const vols = getValue(map, 'volumes', doc);
    if (!isSeq(vols)) continue;
    for (const v of vols.items) {
      if (isScalar(v) && typeof v.value === 'string') {
        const src = namedVolumeSource(v.value);
        if (src !== undefined) need(v, src, 'volume', volumes, svc);
      } else if (isMap(v) && getString(v, 'type', doc) === 'volume') {
        const src = getValue(v, 'source', doc);
        if (isScalar(src) && typeof src.value === 'string' && src.value !== '') need(src, src.value, 'volume', volumes, svc);
      }
    }
  }
  if (ctx.fileExists) checkFiles(root, doc, ctx.fileExists.bind(ctx), r);
}

function checkFiles(root: YAMLMap, doc: Document, exists: (p: string) => boolean, r: Reporter): void {
  for (const section of ['secrets', 'configs']) {
    const m = getMap(root, section, doc);
    if (!m) continue;
    for (const p of m.items) {
      const entry: unknown = p.value;
      if (!isMap(entry)) continue;
      const file = getValue(entry, 'file', doc);
      if (!isScalar(file) || typeof file.value !== 'string' || file.value.includes('$')) continue;
      if (!exists(file.value)) {
        r.at(file, 'missing-file', 'error', `\`${section}.${keyName(p) ?? ''}.file\` points to "${file.value}", which does not exist (paths are relative to the stack file).`, { path: file.value });
      }
    }
  }
}
