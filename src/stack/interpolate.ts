// Interpolation over the whole document, as the CLI does it before validating: every string value
// (keys never; `x-` sections too) goes through template.ts; where the text changed, the values at a
// few paths are cast (ints, a float, booleans) — so `replicas: "${N}"` is an integer to the schema.
import type { YScalar } from '../yamlAst';
import { hasTemplate, substitute, type Env, type TemplateError } from './template';
import { SMap, type SEntry, type SNode, type SScalar } from './tree';

export type Cast = 'int' | 'float' | 'bool';

/** The CLI's cast table: `*` any key, `[]` any list item. */
const CASTS: ReadonlyArray<readonly [string, Cast]> = [
  ['services.*.configs.[].mode', 'int'], ['services.*.secrets.[].mode', 'int'],
  ['services.*.healthcheck.retries', 'int'], ['services.*.healthcheck.disable', 'bool'],
  ['services.*.deploy.replicas', 'int'], ['services.*.deploy.update_config.parallelism', 'int'],
  ['services.*.deploy.update_config.max_failure_ratio', 'float'], ['services.*.deploy.rollback_config.parallelism', 'int'],
  ['services.*.deploy.rollback_config.max_failure_ratio', 'float'], ['services.*.deploy.restart_policy.max_attempts', 'int'],
  ['services.*.deploy.placement.max_replicas_per_node', 'int'], ['services.*.ports.[].target', 'int'],
  ['services.*.ports.[].published', 'int'], ['services.*.ulimits.*', 'int'], ['services.*.ulimits.*.hard', 'int'],
  ['services.*.ulimits.*.soft', 'int'], ['services.*.privileged', 'bool'], ['services.*.oom_score_adj', 'int'],
  ['services.*.read_only', 'bool'], ['services.*.stdin_open', 'bool'], ['services.*.tty', 'bool'],
  ['services.*.volumes.[].read_only', 'bool'], ['services.*.volumes.[].volume.nocopy', 'bool'],
  ['networks.*.external', 'bool'], ['networks.*.internal', 'bool'], ['networks.*.attachable', 'bool'],
  ['volumes.*.external', 'bool'], ['secrets.*.external', 'bool'], ['configs.*.external', 'bool'],
];
const PATTERNS = CASTS.map(([p, cast]) => ({ parts: p.split('.'), cast }));

function castFor(path: readonly string[]): Cast | undefined {
  for (const { parts, cast } of PATTERNS) {
    if (parts.length === path.length && parts.every((p, i) => p === '*' || p === path[i])) return cast;
  }
  return undefined;
}

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|inf(?:inity)?|nan)$/i;
const BOOL: Readonly<Record<string, boolean>> = { y: true, yes: true, true: true, on: true, n: false, no: false, false: false, off: false };

/** strconv.Atoi / ParseFloat / the CLI's toBoolean; undefined when the CLI fails ("failed to cast to expected type"). */
function cast(kind: Cast, s: string): { value: unknown; tag: 'int' | 'float' | 'bool' } | undefined {
  if (kind === 'int') return INT.test(s) && Math.abs(Number(s)) < 2 ** 63 ? { value: Number(s), tag: 'int' } : undefined;
  if (kind === 'float') {
    if (!FLOAT.test(s)) return undefined;
    const v = /inf/i.test(s) ? (s.startsWith('-') ? -Infinity : Infinity) : /nan/i.test(s) ? NaN : Number(s);
    return /inf|nan/i.test(s) || Number.isFinite(v) ? { value: v, tag: 'float' } : undefined;
  }
  const b = BOOL[s.toLowerCase()];
  return b === undefined ? undefined : { value: b, tag: 'bool' };
}

export interface InterpolationIssue {
  readonly kind: 'bad-template' | 'required-variable' | 'bad-cast' | 'cleared-template';
  readonly node: YScalar;
  /** The path the CLI names: `services.web.image`. */
  readonly path: string;
  readonly error?: TemplateError;
  readonly cleared?: readonly TemplateError[];
  readonly value?: string;
  readonly cast?: Cast;
}

export interface Interpolated {
  readonly root: SMap;
  readonly issues: readonly InterpolationIssue[];
  /** Variables of `${VAR:?}` templates, when the environment is unknown (nothing is reported for them). */
  readonly required: ReadonlyMap<string, YScalar>;
}

/** `env` undefined: the environment is unknown; templated values are then marked `unknown`. */
export function interpolate(root: SMap, env: Env | undefined): Interpolated {
  const issues: InterpolationIssue[] = [];
  const required = new Map<string, YScalar>();
  const path: string[] = [];
  const scalar = (s: SScalar): SScalar => {
    if (typeof s.value !== 'string' || !hasTemplate(s.value)) return s;
    const at = path.join('.');
    const r = substitute(s.value, env);
    for (const name of r.required) if (!required.has(name)) required.set(name, s.src);
    if (r.error) {
      issues.push({ kind: r.error.kind, node: s.src, path: at, error: r.error });
      return { ...s, template: s.value, unknown: true };
    }
    if (r.cleared.length > 0) issues.push({ kind: 'cleared-template', node: s.src, path: at, cleared: r.cleared });
    if (r.value === undefined) return { ...s, template: s.value, unknown: true };
    if (r.value === s.value) return s;
    const kind = castFor(path);
    if (!kind) return { ...s, value: r.value, template: s.value };
    const c = cast(kind, r.value);
    if (!c) {
      issues.push({ kind: 'bad-cast', node: s.src, path: at, value: r.value, cast: kind });
      return { ...s, value: r.value, template: s.value, unknown: true };
    }
    return { ...s, value: c.value, tag: c.tag, template: s.value };
  };
  // Only values that change are copied; the path is one stack, pushed and popped.
  const node = (n: SNode): SNode => {
    if (n.kind === 'scalar') return scalar(n);
    if (n.kind === 'list') {
      let items: SNode[] | undefined;
      path.push('[]');
      n.items.forEach((item, i) => {
        const o = node(item);
        if (o !== item) (items ??= [...n.items])[i] = o;
      });
      path.pop();
      return items ? { ...n, items } : n;
    }
    let entries: SEntry[] | undefined;
    n.entries.forEach((e, i) => {
      path.push(e.key);
      const value = node(e.value);
      path.pop();
      if (value !== e.value) (entries ??= [...n.entries])[i] = { ...e, value };
    });
    return entries ? new SMap(n.src, entries) : n;
  };
  return { root: node(root) as SMap, issues, required };
}
