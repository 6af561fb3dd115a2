// Where the CLI's loader is stricter than its schema: it decodes the document into Go types (docker/cli
// compose/types, no weak typing), so a YAML date — a string to the schema — fails wherever a string is
// expected and is not first turned into text, and the keys the schema leaves open still have Go types.
import type { SEntry, SMap, SNode } from '../stack/tree';
import type { Reporter } from './report';

/**
 * Parents whose values the loader turns into text first (maps of strings, host lists, expose): a date
 * passes there. Patterns over the path's parts (`*` any key, `[]` any item).
 */
const STRINGIFIED = [
  'services.*.environment.*', 'services.*.labels.*', 'services.*.sysctls.*', 'services.*.extra_hosts.*', 'services.*.deploy.labels.*',
  'services.*.build.args.*', 'services.*.build.labels.*', 'services.*.build.extra_hosts.*', 'services.*.logging.options.*',
  'services.*.networks.*.driver_opts.*', '*.*.labels.*', '*.*.driver_opts.*', 'services.*.extra_hosts.[]', 'services.*.expose.[]',
  'services.*.build.extra_hosts.[]',
].map((p) => p.split('.'));

/** What a go-yaml timestamp starts with; a text without it has no date to find. */
const DATE_LIKE = /\d{4}-\d{1,2}-\d{1,2}/;

const matches = (path: readonly string[], p: readonly string[]) => p.length === path.length && p.every((x, i) => x === '*' || x === path[i]);

function dates(n: SNode, path: string[], r: Reporter): void {
  // The loader keeps `x-*` extensions as they are (but decodes a volume's x-cluster-spec); `version` is read apart.
  if (path.some((p) => p.startsWith('x-') && p !== 'x-cluster-spec') || (path.length === 1 && path[0] === 'version')) return;
  if (n.kind === 'scalar') {
    if (n.tag === 'timestamp' && !n.unknown && !STRINGIFIED.some((p) => matches(path, p))) {
      r.at(n.src, 'bad-value', 'error', `\`${path.join('.')}\` is a date to the CLI's YAML reader (unquoted), and its loader cannot use a date here: quote it.`, { suggestion: `"${n.src.text}"` });
    }
    return;
  }
  if (n.kind === 'list') { for (const i of n.items) dates(i, [...path, '[]'], r); return; }
  for (const e of n.entries) dates(e.value, [...path, e.key], r);
}

type GoType = 'string' | 'bool' | 'int' | 'strings';

function goTypeOk(n: SNode, t: GoType): boolean {
  if (n.kind === 'scalar' && (n.unknown || n.value === null)) return true;
  if (t === 'strings') return n.kind === 'list' && n.items.every((i) => goTypeOk(i, 'string'));
  if (n.kind !== 'scalar') return false;
  return t === 'string' ? typeof n.value === 'string' : t === 'bool' ? typeof n.value === 'boolean' : typeof n.value === 'number' && Number.isInteger(n.value);
}

function typed(m: SMap | undefined, fields: Readonly<Record<string, GoType>>, path: string, r: Reporter): void {
  for (const e of m?.entries ?? []) {
    const t = fields[e.key];
    if (t && !goTypeOk(e.value, t)) r.atValue(e.value.src, e.keyNode, 'bad-value', 'error', `\`${path}.${e.key}\` must be ${t === 'strings' ? 'a list of strings' : t === 'int' ? 'an integer' : t === 'bool' ? 'true or false' : 'a string'} for the CLI's loader (the schema leaves it open).`);
  }
}

const mapOf = (n: SNode | undefined): SMap | undefined => (n?.kind === 'map' ? n : undefined);

/**
 * `nofile: 1024` or `{soft, hard}` as ints: the loader asserts exactly that for every ulimit the schema
 * leaves open (a name outside [a-z]+), whatever its name; an empty one is no ulimit at all.
 */
function ulimit(e: SEntry, path: string, r: Reporter): void {
  const v = e.value;
  const int = (n: SNode | undefined) => n?.kind === 'scalar' && (n.unknown === true || (typeof n.value === 'number' && n.tag === 'int'));
  const ok = int(v) || (v.kind === 'scalar' && v.value === null) || (v.kind === 'map' && int(v.get('soft')) && int(v.get('hard')));
  if (!ok) r.atValue(v.src, e.keyNode, 'bad-value', 'error', `\`${path}\` must be an integer or {soft, hard} integers: the CLI's loader refuses anything else (it may even crash on it).`);
}

export function checkGoTypes(root: SMap, text: string, r: Reporter): void {
  if (DATE_LIKE.test(text)) dates(root, [], r); // most files hold no date at all: skip the walk

  for (const s of mapOf(root.get('services'))?.entries ?? []) {
    const svc = mapOf(s.value);
    const base = `services.${s.key}`;
    for (const u of mapOf(svc?.get('ulimits'))?.entries ?? []) if (!/^[a-z]+$/.test(u.key)) ulimit(u, `${base}.ulimits.${u.key}`, r);
    const vols = svc?.get('volumes');
    (vols?.kind === 'list' ? vols.items : []).forEach((v, i) => {
      typed(mapOf(mapOf(v)?.get('volume')), { subpath: 'string' }, `${base}.volumes[${i}].volume`, r);
    });
  }
  // Networks whose names the schema does not check are still decoded as networks.
  for (const e of mapOf(root.get('networks'))?.entries ?? []) {
    if (/^[a-zA-Z0-9._-]+$/.test(e.key)) continue;
    const v = e.value;
    if (v.kind !== 'map' && !(v.kind === 'scalar' && v.value === null)) {
      r.atValue(v.src, e.keyNode, 'bad-value', 'error', `\`networks.${e.key}\` must be a mapping (or empty) for the CLI's loader.`);
      continue;
    }
    typed(mapOf(v), { name: 'string', driver: 'string', internal: 'bool', attachable: 'bool' }, `networks.${e.key}`, r);
  }
  for (const e of mapOf(root.get('volumes'))?.entries ?? []) {
    const spec = mapOf(mapOf(e.value)?.get('x-cluster-spec'));
    typed(spec, { group: 'string', availability: 'string' }, `volumes.${e.key}.x-cluster-spec`, r);
    typed(mapOf(spec?.get('access_mode')), { scope: 'string', sharing: 'string' }, `volumes.${e.key}.x-cluster-spec.access_mode`, r);
  }
}
