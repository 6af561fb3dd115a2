// What the CLI's loader refuses after the schema passed (it decodes the document into Go types, read
// from docker/cli's loader and types): negative counts in unsigned fields, numbers where its Go field
// is a string, floats where it asserts an int (ports, ulimits), byte sizes, durations the schema did
// not check, short volumes, shell-split commands, and keys it refuses together.
import type { StackDocument } from '../stack/document';
import type { SMap, SNode } from '../stack/tree';
import { parseShortVolume } from '../stack/volumes';
import { parseBytes, parseDuration } from '../stack/units';
import { checkGoTypes } from './goTypes';
import type { Reporter } from './report';
import { shellSplitError } from './shellWords';
import type { LintContext } from './types';

type Visit = (n: SNode, path: string, key: SMap['entries'][number]['keyNode'] | undefined) => void;

interface Trie { readonly next: Map<string, Trie>; readonly visits: Visit[] }
const trie = (): Trie => ({ next: new Map(), visits: [] });

/**
 * Calls each visitor for every node matching its pattern (`*` any key, `[]` any item), in one walk
 * of the tree for all patterns; the path string is built only when a visitor runs.
 */
function each(root: SNode, visitors: ReadonlyArray<readonly [string, Visit]>): void {
  const top = trie();
  for (const [pattern, fn] of visitors) {
    let t = top;
    for (const part of pattern.split('.')) {
      let n = t.next.get(part);
      if (!n) t.next.set(part, (n = trie()));
      t = n;
    }
    t.visits.push(fn);
  }
  const at: (string | number)[] = [];
  const path = () => at.reduce<string>((s, x) => (typeof x === 'number' ? `${s}[${x}]` : s ? `${s}.${x}` : x), '');
  const walk = (n: SNode, t: Trie, key: Parameters<Visit>[2]): void => {
    if (t.visits.length > 0) { const p = path(); for (let i = 0; i < t.visits.length; i++) (t.visits[i] as Visit)(n, p, key); }
    if (t.next.size === 0) return;
    if (n.kind === 'list') {
      const items = t.next.get('[]');
      if (items) for (let k = 0; k < n.items.length; k++) { at.push(k); walk(n.items[k] as SNode, items, undefined); at.pop(); }
      return;
    }
    if (n.kind !== 'map') return;
    const any = t.next.get('*');
    const es = n.entries;
    for (let i = 0; i < es.length; i++) {
      const e = es[i] as SMap['entries'][number];
      const sub = e.key === '*' || e.key === '[]' ? undefined : t.next.get(e.key);
      if (!sub && !any) continue;
      at.push(e.key);
      if (sub) walk(e.value, sub, e.keyNode);
      if (any) walk(e.value, any, e.keyNode);
      at.pop();
    }
  };
  walk(root, top, undefined);
}

const UNSIGNED = [
  'deploy.replicas', 'deploy.update_config.parallelism', 'deploy.rollback_config.parallelism', 'deploy.restart_policy.max_attempts',
  'healthcheck.retries', 'deploy.placement.max_replicas_per_node', 'ports.[].target', 'ports.[].published', 'secrets.[].mode', 'configs.[].mode',
];
const BYTES = ['deploy.resources.limits.memory', 'deploy.resources.reservations.memory'];

const num = (n: SNode): number | undefined => (n.kind === 'scalar' && !n.unknown && typeof n.value === 'number' ? n.value : undefined);
const text = (n: SNode): string | undefined => (n.kind === 'scalar' && !n.unknown && typeof n.value === 'string' ? n.value : undefined);

export function checkLoad(doc: StackDocument, ctx: LintContext, r: Reporter): void {
  const root = doc.interpolated?.root;
  if (!root) return;
  const visitors: [string, Visit][] = [];
  const svc = (p: string, fn: Visit) => { visitors.push([`services.*.${p}`, fn]); };
  for (const p of UNSIGNED) {
    svc(p, (n, path) => {
      const v = num(n);
      if (v !== undefined && v < 0) r.at(n.src, 'bad-value', 'error', `\`${path}\` cannot be negative: the CLI reads it as an unsigned number.`);
    });
  }
  for (const p of BYTES) {
    svc(p, (n, path) => {
      const v = text(n);
      if (v !== undefined && parseBytes(v) === undefined) r.at(n.src, 'bad-format', 'error', `\`${path}\` is not a size such as "512M" or "1g".`);
    });
  }
  visitors.push(['volumes.*.x-cluster-spec.capacity_range.*', (n, path) => {
    const v = text(n);
    if (v !== undefined && parseBytes(v) === undefined) r.at(n.src, 'bad-format', 'error', `\`${path}\` is not a size such as "512M" or "1g".`);
  }]);
  svc('shm_size', (n, path, key) => {
    if (num(n) !== undefined) r.atValue(n.src, key, 'bad-value', 'error', `\`${path}\` must be a string for the CLI's loader (the schema lets a number through): quote it.`, { suggestion: `"${n.src.kind === 'scalar' ? n.src.text : ''}"` });
  });
  // The loader asserts Go ints here: a YAML float (2.0) passes the schema and then fails (or crashes the CLI).
  for (const p of ['ports.[]', 'ulimits.*', 'ulimits.*.soft', 'ulimits.*.hard']) {
    svc(p, (n, path) => {
      if (n.kind === 'scalar' && !n.unknown && n.tag === 'float') r.at(n.src, 'bad-value', 'error', `\`${path}\` must be written as an integer (no decimal point): the CLI's loader refuses a float here.`);
    });
  }
  if (doc.version.minor !== undefined && doc.version.minor < 4) {
    for (const p of ['healthcheck.interval', 'healthcheck.timeout']) {
      svc(p, (n, path) => {
        const v = text(n);
        if (v !== undefined && parseDuration(v) === undefined) r.at(n.src, 'bad-format', 'error', `\`${path}\` is not a duration such as "10s" or "1m30s".`);
      });
    }
  }
  svc('volumes.[]', (n, path) => {
    const v = text(n);
    if (v !== undefined) {
      const parsed = parseShortVolume(v);
      if ('error' in parsed) r.at(n.src, 'bad-format', 'error', `\`${path}\`: ${parsed.error} (the short syntax is [source:]target[:ro|rw|nocopy|<propagation>]).`);
    } else if (n.kind === 'map' && n.get('type')?.kind === 'scalar' && text(n.get('type') as SNode) === 'bind') {
      const source = n.get('source');
      const empty = !source || (source.kind === 'scalar' && !source.unknown && (source.value === null || source.value === ''));
      if (empty) r.at(source && source.src.end > source.src.start ? source.src : n.src, 'missing-key', 'error', `\`${path}\` is a bind mount without a \`source\`: the CLI refuses it.`, { key: 'source' });
    }
  });
  for (const p of ['command', 'entrypoint']) {
    svc(p, (n, path) => {
      const v = text(n);
      const err = v === undefined ? undefined : shellSplitError(v);
      if (err) r.at(n.src, 'bad-format', 'error', `\`${path}\` cannot be split into words as the CLI does it: ${err}.`);
    });
  }
  if (ctx.fileExists) {
    const exists = ctx.fileExists.bind(ctx);
    svc('env_file', (n, path) => {
      const files = n.kind === 'list' ? n.items : [n];
      for (const f of files) {
        const v = text(f);
        if (v !== undefined && !exists(v)) r.at(f.src, 'missing-env-file', 'error', `\`${path}\` names "${v}", which does not exist or is a folder (paths are relative to the stack file): the CLI reads env files while loading.`, { path: v });
      }
    });
  }
  for (const section of ['networks', 'volumes', 'secrets', 'configs']) visitors.push([`${section}.*`, (n, path, key) => conflicts(section, n, path, key, r)]);
  each(root, visitors);
  checkGoTypes(root, doc.text, r);
}

/** Keys the loader refuses together in top-level networks, volumes, secrets and configs. */
function conflicts(section: string, n: SNode, path: string, key: Parameters<Visit>[2], r: Reporter): void {
  if (n.kind !== 'map') return;
  const ext = n.get('external');
  const external = ext?.kind === 'map' || (ext?.kind === 'scalar' && ext.value === true);
  const conflict = (what: string) => r.at(key, 'conflicting-keys', 'error', `\`${path}\`: ${what}.`);
  const textOf = (k: string) => { const v = n.get(k); return v ? text(v) : undefined; };
  if (external && ext?.kind === 'map' && ext.has('name') && n.has('name')) conflict('`external.name` and `name` conflict: keep `name` (external.name is deprecated)');
  if (external && section === 'volumes') {
    for (const k of ['driver', 'driver_opts', 'labels']) {
      const v = n.get(k);
      const set = k === 'driver' ? (textOf(k) ?? '') !== '' : v !== undefined && ((v.kind === 'map' && v.entries.length > 0) || (v.kind === 'list' && v.items.length > 0));
      if (set) { conflict(`an external volume cannot have \`${k}\``); break; }
    }
  }
  if (!external && section === 'secrets' && textOf('driver') && textOf('file')) conflict('`driver` and `file` conflict: keep one');
}
