// Narrowing of spec JSON (an Engine answer, or a spec the user edited) to the typed specs of
// ./nodeSpec and ./serviceSpec: every typed field is checked against what its type says, so the
// casts below are sound; untyped fields are left as they are. A typed field that is `null` is left
// out (Go decodes null and absent alike). Problems name the field's path.
import type { NodeSpec, OpenSpec } from './nodeSpec';
import type { ServiceSpec } from './serviceSpec';

type Rule =
  | 'string' | 'integer' | 'boolean' | 'object' | 'labels' | 'strings'
  | { readonly oneOf: readonly string[] }
  | { readonly fields: Shape }
  | { readonly items: Shape };
type Shape = Readonly<Record<string, Rule>>;

const NODE: Shape = {
  Name: 'string', Labels: 'labels', Role: { oneOf: ['manager', 'worker'] }, Availability: { oneOf: ['active', 'pause', 'drain'] },
};

const SERVICE: Shape = {
  Name: 'string',
  Labels: 'labels',
  Mode: { fields: { Replicated: { fields: { Replicas: 'integer' } }, Global: 'object', ReplicatedJob: 'object', GlobalJob: 'object' } },
  TaskTemplate: { fields: {
    ContainerSpec: { fields: {
      Image: 'string', Args: 'strings', Env: 'strings', Init: 'boolean',
      Secrets: { items: { SecretID: 'string', SecretName: 'string', File: 'object' } },
      Configs: { items: { ConfigID: 'string', ConfigName: 'string', File: 'object' } },
    } },
    Placement: { fields: { Constraints: 'strings' } },
    Networks: { items: { Target: 'string', Aliases: 'strings' } },
    ForceUpdate: 'integer',
  } },
  EndpointSpec: { fields: {
    Mode: { oneOf: ['vip', 'dnsrr'] },
    Ports: { items: { Protocol: { oneOf: ['tcp', 'udp', 'sctp'] }, TargetPort: 'integer', PublishedPort: 'integer', PublishMode: { oneOf: ['ingress', 'host'] } } },
  } },
  UpdateConfig: 'object',
  RollbackConfig: 'object',
};

function isObject(v: unknown): v is OpenSpec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(rule: Rule): string {
  if (typeof rule === 'string') {
    return { string: 'a string', integer: 'a whole number', boolean: 'true or false', object: 'a mapping',
      labels: 'a mapping of strings', strings: 'a list of strings' }[rule];
  }
  if ('oneOf' in rule) return `one of ${rule.oneOf.join(', ')}`;
  return 'items' in rule ? 'a list of mappings' : 'a mapping';
}

const WRONG = Symbol('wrong type');

/** The value, checked (nested mappings copied without their null fields), or WRONG. */
function fit(value: unknown, rule: Rule, path: string, problems: string[]): unknown {
  if (typeof rule === 'string') {
    const ok = {
      string: () => typeof value === 'string',
      integer: () => Number.isSafeInteger(value),
      boolean: () => typeof value === 'boolean',
      object: () => isObject(value),
      labels: () => isObject(value) && Object.values(value).every((v) => typeof v === 'string'),
      strings: () => Array.isArray(value) && value.every((v) => typeof v === 'string'),
    }[rule]();
    return ok ? value : WRONG;
  }
  if ('oneOf' in rule) return typeof value === 'string' && rule.oneOf.includes(value) ? value : WRONG;
  if ('fields' in rule) return isObject(value) ? check(value, rule.fields, path, problems) : WRONG;
  if (!Array.isArray(value)) return WRONG;
  return value.map((item: unknown, i) => {
    if (isObject(item)) return check(item, rule.items, `${path}[${i}]`, problems);
    problems.push(`${path}[${i}] must be a mapping`);
    return item;
  });
}

function check(value: OpenSpec, shape: Shape, prefix: string, problems: string[]): OpenSpec {
  const out: Record<string, unknown> = { ...value };
  for (const [field, rule] of Object.entries(shape)) {
    const v = value[field];
    if (v === null) delete out[field];
    if (v === undefined || v === null) continue;
    const path = prefix ? `${prefix}.${field}` : field;
    const checked = fit(v, rule, path, problems);
    if (checked === WRONG) problems.push(`${path} must be ${describe(rule)}`);
    else out[field] = checked;
  }
  return out;
}

export type Narrowed<T> = { readonly spec: T; readonly problems?: undefined } | { readonly spec?: undefined; readonly problems: readonly string[] };

function narrow<T>(value: unknown, shape: Shape): Narrowed<T> {
  if (!isObject(value)) return { problems: ['the spec must be a mapping'] };
  const problems: string[] = [];
  const checked = check(value, shape, '', problems);
  return problems.length > 0 ? { problems } : { spec: checked as T };
}

export function narrowNodeSpec(value: unknown): Narrowed<NodeSpec> {
  return narrow<NodeSpec>(value, NODE);
}

export function narrowServiceSpec(value: unknown): Narrowed<ServiceSpec> {
  return narrow<ServiceSpec>(value, SERVICE);
}
