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

/** Calls `fn` for every node matching `pattern` (`*` any key, `[]` any item). */
function each(n: SNode, pattern: readonly string[], fn: Visit, path = '', key?: Parameters<Visit>[2]): void {
  if (pattern.length === 0) return fn(n, path, key);
  const [head, ...rest] = pattern;
  if (head === '[]') {
    if (n.kind === 'list') n.items.forEach((item, i) => each(item, rest, fn, `${path}[${i}]`));
    return;
  }
  if (n.kind !== 'map') return;
  for (const e of head === '*' ? n.entries : [n.entry(head ?? '')].flatMap((x) => x ?? [])) {
    each(e.value, rest, fn, path ? `${path}.${e.key}` : e.key, e.keyNode);
  }
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
  const svc = (p: string, fn: Visit) => each(root, ['services', '*', ...p.split('.')], fn);
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
  each(root, ['volumes', '*', 'x-cluster-spec', 'capacity_range', '*'], (n, path) => {
    const v = text(n);
    if (v !== undefined && parseBytes(v) === undefined) r.at(n.src, 'bad-format', 'error', `\`${path}\` is not a size such as "512M" or "1g".`);
  });
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
    } else if (n.kind === 'map' && text(n.get('type') ?? n) === 'bind') {
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
        if (v !== undefined && !exists(v)) r.at(f.src, 'missing-env-file', 'error', `\`${path}\` names "${v}", which does not exist (paths are relative to the stack file): the CLI reads env files while loading.`, { path: v });
      }
    });
  }
  checkConflicts(root, r);
  checkGoTypes(root, r);
}

/** Keys the loader refuses together in top-level networks, volumes, secrets and configs. */
function checkConflicts(root: SMap, r: Reporter): void {
  for (const section of ['networks', 'volumes', 'secrets', 'configs']) {
    each(root, [section, '*'], (n, path, key) => {
      if (n.kind !== 'map') return;
      const ext = n.get('external');
      const external = ext?.kind === 'map' || (ext?.kind === 'scalar' && ext.value === true);
      const extName = ext?.kind === 'map' && ext.has('name');
      const conflict = (what: string) => r.at(key, 'conflicting-keys', 'error', `\`${path}\`: ${what}.`);
      if (external && extName && n.has('name')) conflict('`external.name` and `name` conflict: keep `name` (external.name is deprecated)');
      if (external && section === 'volumes') {
        for (const k of ['driver', 'driver_opts', 'labels']) {
          const v = n.get(k);
          const set = k === 'driver' ? text(v ?? n) !== undefined && text(v ?? n) !== '' : v !== undefined && ((v.kind === 'map' && v.entries.length > 0) || (v.kind === 'list' && v.items.length > 0));
          if (set) { conflict(`an external volume cannot have \`${k}\``); break; }
        }
      }
      if (!external && section === 'secrets' && text(n.get('driver') ?? n) && text(n.get('file') ?? n)) conflict('`driver` and `file` conflict: keep one');
    });
  }
}
