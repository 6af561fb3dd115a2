// Tree → typed model (model.ts): one pass over the merged, interpolated document. Tolerant: a value
// of the wrong type is left out (the schema check reports it), a syntax the CLI refuses is kept with
// its reason.
import type { At, Deploy, FileObjectDef, FileRef, Healthcheck, Mount, NetworkDef, NetworkRef, Port, Resources, Service, StackModel, UpdateConfig, VolumeDef } from './model';
import { parsePortSpec } from './ports';
import { bool, labels, list, map, num, pairs, scalarAt, str, strings } from './read';
import type { SMap, SNode } from './tree';
import { parseShortVolume } from './volumes';

function port(n: SNode): Port[] {
  const s = scalarAt(n);
  if (s) {
    if (s.unknown) return [];
    const text = typeof s.value === 'number' ? String(s.value) : typeof s.value === 'string' ? s.value : undefined;
    if (text === undefined) return [];
    if (typeof s.value === 'number' && !Number.isInteger(s.value)) return [{ node: s.src, syntax: 'short', error: `invalid type float64 for port` }];
    const spec = parsePortSpec(text);
    if (!spec) return [{ node: s.src, syntax: 'short', error: `invalid port "${text}"` }];
    return [{ node: s.src, syntax: 'short', target: spec.target, published: spec.published, protocol: { value: spec.protocol, node: s.src }, mode: { value: 'ingress', node: s.src } }];
  }
  if (n.kind !== 'map') return [];
  const target = num(n, 'target');
  const published = num(n, 'published');
  return [{
    node: n.src, syntax: 'long', protocol: str(n, 'protocol'), mode: str(n, 'mode'),
    target: target && { start: target.value, end: target.value }, published: published && { start: published.value, end: published.value },
  }];
}

function mount(n: SNode): Mount[] {
  const s = scalarAt(n);
  if (s) {
    if (typeof s.value !== 'string' || s.unknown) return [];
    const v = parseShortVolume(s.value);
    if ('error' in v) return [{ node: s.src, syntax: 'short', readOnly: false, error: v.error }];
    return [{
      node: s.src, syntax: 'short', type: { value: v.type, node: s.src }, target: v.target, readOnly: v.readOnly,
      source: v.source !== '' ? { value: v.source, node: s.src } : undefined,
    }];
  }
  if (n.kind !== 'map') return [];
  return [{
    node: n.src, syntax: 'long', map: n, readOnly: bool(n, 'read_only')?.value === true, target: str(n, 'target')?.value ?? '',
    type: str(n, 'type'), source: str(n, 'source'),
  }];
}

function networks(m: SMap): NetworkRef[] {
  const v = m.get('networks');
  if (v?.kind === 'list') return strings(m, 'networks').map((s) => ({ name: s.value, node: s.node, aliases: [] }));
  if (v?.kind !== 'map') return [];
  return v.entries.map((e) => ({ name: e.key, node: e.keyNode, aliases: e.value.kind === 'map' ? strings(e.value, 'aliases').map((a) => a.value) : [] }));
}

function fileRefs(m: SMap, key: string): FileRef[] {
  return list(m, key).flatMap((n): FileRef[] => {
    const s = scalarAt(n);
    if (s) return typeof s.value === 'string' ? [{ source: { value: s.value, node: s.src }, node: s.src }] : [];
    if (n.kind !== 'map') return [];
    const source = str(n, 'source');
    return source ? [{ source, node: n.src, target: str(n, 'target')?.value }] : [];
  });
}

function update(m: SMap | undefined): UpdateConfig | undefined {
  if (!m) return undefined;
  return {
    node: m.src, failureAction: str(m, 'failure_action'), order: str(m, 'order'), parallelism: num(m, 'parallelism'),
    maxFailureRatio: num(m, 'max_failure_ratio'), delay: str(m, 'delay'), monitor: str(m, 'monitor'),
  };
}

function resources(m: SMap | undefined): Resources | undefined {
  if (!m) return undefined;
  return { node: m.src, cpus: str(m, 'cpus'), memory: str(m, 'memory'), pids: num(m, 'pids') };
}

function deploy(m: SMap | undefined): Deploy {
  const placement = map(m, 'placement');
  const restart = map(m, 'restart_policy');
  const res = map(m, 'resources');
  const preferences: At<string>[] = [];
  for (const p of list(placement, 'preferences')) {
    const spread = p.kind === 'map' ? str(p, 'spread') : undefined;
    if (spread) preferences.push(spread);
  }
  return {
    node: m?.src, mode: str(m, 'mode'), replicas: num(m, 'replicas'), endpointMode: str(m, 'endpoint_mode'), labels: labels(m, 'labels'),
    updateConfig: update(map(m, 'update_config')), rollbackConfig: update(map(m, 'rollback_config')),
    restartPolicy: restart && {
      node: restart.src, condition: str(restart, 'condition'), maxAttempts: num(restart, 'max_attempts'), delay: str(restart, 'delay'), window: str(restart, 'window'),
    },
    resources: { limits: resources(map(res, 'limits')), reservations: resources(map(res, 'reservations')) },
    placement: { constraints: strings(placement, 'constraints'), preferences, maxReplicas: num(placement, 'max_replicas_per_node') },
  };
}

function healthcheck(m: SMap | undefined): Healthcheck | undefined {
  if (!m) return undefined;
  const test = m.get('test');
  const t = test ? { value: test.kind === 'scalar' ? test.value : test.kind === 'list' ? test.items.map((i) => (i.kind === 'scalar' ? i.value : undefined)) : undefined, node: test.src } : undefined;
  return {
    node: m.src, test: t, disable: bool(m, 'disable'), interval: str(m, 'interval'), timeout: str(m, 'timeout'),
    startPeriod: str(m, 'start_period'), startInterval: str(m, 'start_interval'),
  };
}

function command(m: SMap, key: string): At<string | readonly string[]> | undefined {
  const v = m.get(key);
  if (v?.kind === 'list') return { value: strings(m, key).map((s) => s.value), node: v.src };
  return str(m, key);
}

function service(name: string, e: { keyNode: Service['key']; value: SNode }): Service | undefined {
  const m = e.value;
  if (m.kind !== 'map') return undefined;
  return {
    name, key: e.keyNode, map: m, image: str(m, 'image'), command: command(m, 'command'), entrypoint: command(m, 'entrypoint'),
    environment: pairs(m, 'environment'), labels: labels(m, 'labels'),
    ports: list(m, 'ports').flatMap(port), volumes: list(m, 'volumes').flatMap(mount), networks: networks(m),
    secrets: fileRefs(m, 'secrets'), configs: fileRefs(m, 'configs'),
    dependsOn: m.get('depends_on')?.kind === 'list' ? strings(m, 'depends_on') : [],
    healthcheck: healthcheck(map(m, 'healthcheck')), restart: str(m, 'restart'), deploy: deploy(map(m, 'deploy')),
  };
}

function topLevel<T>(root: SMap, section: string, extra: (m: SMap | undefined) => T): Map<string, T & NetworkDef> {
  const out = new Map<string, T & NetworkDef>();
  const s = map(root, section);
  for (const e of s?.entries ?? []) {
    if (e.value.kind !== 'map' && !(e.value.kind === 'scalar' && e.value.value === null)) continue;
    const m = e.value.kind === 'map' ? e.value : undefined;
    const ext = m?.get('external');
    const external = ext?.kind === 'map' ? { value: true, node: ext.src } : bool(m, 'external');
    const externalName = ext?.kind === 'map' ? str(ext, 'name') : undefined;
    out.set(e.key, {
      key: e.keyNode, labels: labels(m, 'labels'), name: str(m, 'name') ?? externalName, external, externalName, driver: str(m, 'driver'), ...extra(m),
    });
  }
  return out;
}

export function buildModel(root: SMap, minor: number): StackModel {
  const services = map(root, 'services');
  const version = root.get('version');
  return {
    version: version?.kind === 'scalar' ? { value: version.value, node: version.src } : undefined,
    minor,
    services: (services?.entries ?? []).flatMap((e) => service(e.key, e) ?? []),
    networks: topLevel(root, 'networks', () => ({})),
    volumes: topLevel<Pick<VolumeDef, 'driverOpts'>>(root, 'volumes', (m) => ({ driverOpts: m?.has('driver_opts') ?? false })),
    secrets: topLevel<Pick<FileObjectDef, 'file'>>(root, 'secrets', (m) => ({ file: str(m, 'file') })),
    configs: topLevel<Pick<FileObjectDef, 'file'>>(root, 'configs', (m) => ({ file: str(m, 'file') })),
  };
}
