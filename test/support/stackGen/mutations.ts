// Schema-aware edits of a stack model: each picks a place the compose schema knows (a service, its
// deploy, a long port, …) and changes it the way people get it wrong — or right.
import { Alias, Anchored, Block, Flow, M, Raw, chance, pick, unwrap, walkMaps, type GNode, type Rnd } from './model';
import { CONSTRAINTS, CPUS, DURATIONS, ENUM_VALUES, IMAGES, PORTS, RESTARTS, SIZES, STRAY_KEYS, TEMPLATES, YAML11 } from './values';

type Op = (doc: M, rnd: Rnd) => void;

const asMap = (n: GNode | undefined): M | undefined => { const v = unwrap(n); return v instanceof M ? v : undefined; };
const asList = (n: GNode | undefined): GNode[] | undefined => { const v = unwrap(n); return Array.isArray(v) ? v : undefined; };

function services(doc: M): M {
  let s = asMap(doc.get('services'));
  if (!s) { s = new M(); doc.set('services', s); }
  if (s.entries.length === 0) s.set('web', M.of({ image: 'nginx' }));
  return s;
}

function service(doc: M, rnd: Rnd): M {
  const s = services(doc);
  const [, v] = pick(rnd, s.entries);
  const m = asMap(v);
  if (m) return m;
  const fresh = M.of({ image: 'nginx' });
  s.set(`svc${s.entries.length}`, fresh);
  return fresh;
}

/** The map at `path` under `m`, created when missing. */
function mapAt(m: M, path: readonly string[]): M {
  let cur = m;
  for (const k of path) {
    let next = asMap(cur.get(k));
    if (!next) { next = new M(); cur.set(k, next); }
    cur = next;
  }
  return cur;
}

const setAt = (m: M, path: readonly string[], value: GNode) => mapAt(m, path.slice(0, -1)).set(path[path.length - 1] ?? 'x', value);

const DURATION_PATHS = [['stop_grace_period'], ['healthcheck', 'interval'], ['healthcheck', 'timeout'], ['healthcheck', 'start_period'],
  ['deploy', 'update_config', 'delay'], ['deploy', 'update_config', 'monitor'], ['deploy', 'restart_policy', 'window'], ['deploy', 'rollback_config', 'delay']];
const SIZE_PATHS = [['deploy', 'resources', 'limits', 'memory'], ['deploy', 'resources', 'reservations', 'memory'], ['shm_size']];
const CPU_PATHS = [['deploy', 'resources', 'limits', 'cpus'], ['deploy', 'resources', 'reservations', 'cpus']];
const ENUM_PATHS: Readonly<Record<string, readonly string[][]>> = {
  mode: [['deploy', 'mode']], endpoint_mode: [['deploy', 'endpoint_mode']], order: [['deploy', 'update_config', 'order'], ['deploy', 'rollback_config', 'order']],
  failure_action: [['deploy', 'update_config', 'failure_action'], ['deploy', 'rollback_config', 'failure_action']],
  condition: [['deploy', 'restart_policy', 'condition']],
};
const BOOL_PATHS = [['read_only'], ['init'], ['tty'], ['stdin_open'], ['privileged'], ['healthcheck', 'disable']];
const INT_PATHS = [['deploy', 'replicas'], ['deploy', 'update_config', 'parallelism'], ['deploy', 'restart_policy', 'max_attempts'],
  ['deploy', 'placement', 'max_replicas_per_node'], ['healthcheck', 'retries'], ['oom_score_adj'], ['deploy', 'resources', 'limits', 'pids']];
const LIST_KEYS = ['ports', 'environment', 'cap_add', 'dns', 'networks', 'secrets', 'configs', 'volumes', 'command', 'extra_hosts', 'labels', 'expose', 'tmpfs'];
const TYPE_POOL: readonly GNode[] = ['text', 42, 2.5, true, null, ['a'], M.of({ a: 1 }), new Raw('yes'), '', new Raw('2024-01-01'), -3];
const VOLUMES: readonly GNode[] = ['data:/x', './a:/b:ro', '/a:/b:rw,z', 'a::b', 'a:b:c:d', 'C:\\x:/y', 'x', '', 'data:/d:nocopy', '/only', '~/x:/y', 'data:/d:ro:extra', 'ab'];
const COMMANDS: readonly GNode[] = ['echo "hi', "sh -c 'exit 0'", 'a \\', '# comment "x', 'run --flag=1', ['sh', '-c', 'x'], new Block('echo one\necho two\n', '|'), new Block('run\n  --long\n', '>-')];

const ops: Readonly<Record<string, Op>> = {
  version(doc, rnd) {
    const v = pick(rnd, [...Array.from({ length: 14 }, (_, i) => `3.${i}`), '3', '', '2.4', '3.14', 'absent', 'unquoted', 'null']);
    doc.delete('version');
    if (v === 'absent') return;
    const value: GNode = v === 'unquoted' ? new Raw(pick(rnd, ['3.8', '3', '3.10'])) : v === 'null' ? null : v;
    doc.entries.unshift(['version', value]);
  },
  typeSwap(doc, rnd) {
    const spots: [M, string][] = [];
    walkMaps(doc, (m) => { for (const k of m.keys()) if (k !== 'services' && k !== '<<') spots.push([m, k]); });
    if (spots.length === 0) return;
    const [m, k] = pick(rnd, spots);
    m.set(k, pick(rnd, TYPE_POOL));
  },
  enumValue(doc, rnd) {
    const key = pick(rnd, Object.keys(ENUM_PATHS));
    setAt(service(doc, rnd), pick(rnd, ENUM_PATHS[key] ?? []), pick(rnd, ENUM_VALUES[key] ?? []));
  },
  format(doc, rnd) {
    const svc = service(doc, rnd);
    switch (Math.floor(rnd() * 6)) {
      case 0: setAt(svc, pick(rnd, DURATION_PATHS), pick(rnd, DURATIONS)); break;
      case 1: setAt(svc, pick(rnd, SIZE_PATHS), pick(rnd, SIZES)); break;
      case 2: setAt(svc, pick(rnd, CPU_PATHS), pick(rnd, CPUS)); break;
      case 3: { const ports = asList(svc.get('ports')) ?? []; ports.push(pick(rnd, PORTS)); svc.set('ports', ports); break; }
      case 4: svc.set('image', pick(rnd, IMAGES)); break;
      default: setAt(svc, ['deploy', 'placement', 'constraints'], [pick(rnd, CONSTRAINTS)]);
    }
  },
  dropRequired(doc, rnd) {
    const svc = service(doc, rnd);
    switch (Math.floor(rnd() * 4)) {
      case 0: svc.delete('image'); break;
      case 1: svc.set('ulimits', M.of({ nofile: pick(rnd, [M.of({ soft: 1024 }), M.of({ hard: 10 }), M.of({ soft: 1, hard: 2 }), 2048, new Raw('2.0'), M.of({ soft: new Raw('1.0'), hard: 2 })]) })); break;
      case 2: svc.set('volumes', [pick(rnd, [M.of({ source: 'data', target: '/d' }), M.of({ type: 'bind', target: '/d' }), M.of({ type: 'volume', source: 'data', target: '/d' }), M.of({ type: 'tmpfs', target: '/t', source: 'x' })])]); break;
      default: svc.set('ports', [pick(rnd, [M.of({ published: 80 }), M.of({ target: 80 }), M.of({ target: 80, published: 8080, mode: 'ingress', protocol: 'udp' })])]);
    }
  },
  strayKey(doc, rnd) {
    const maps: M[] = [];
    walkMaps(doc, (m, path) => { if (!path.includes('x-') && !path.some((p) => p.startsWith('x-'))) maps.push(m); });
    const m = pick(rnd, maps.length > 0 ? maps : [doc]);
    m.set(pick(rnd, STRAY_KEYS), pick(rnd, [2, 'x', true, '30 seconds', M.of({ a: 1 }), null]));
  },
  merge(doc, rnd) {
    const svc = service(doc, rnd);
    const name = `a${Math.floor(rnd() * 1000)}`;
    const inDeploy = chance(rnd, 0.4);
    const target = inDeploy ? mapAt(svc, ['deploy']) : svc;
    const moved = new M();
    for (const k of target.keys().filter((k) => k !== '<<' && chance(rnd, 0.4))) { moved.set(k, target.get(k) ?? null); target.delete(k); }
    if (chance(rnd, 0.5)) moved.set(pick(rnd, inDeploy ? ['replica', 'replicas', 'mode', 'cpus', 'x-y'] : ['interval', 'replica', 'image', 'read_only', 'x-y']), pick(rnd, [2, '30 seconds', 'nginx', new Raw('yes'), true]));
    doc.set(`x-${name}`, new Anchored(name, moved));
    const ref: GNode = pick(rnd, [new Alias(name), [new Alias(name)], new Alias('nope'), 'scalar']);
    target.entries.unshift(['<<', ref]);
  },
  yaml11(doc, rnd) {
    const svc = service(doc, rnd);
    const raw = new Raw(pick(rnd, YAML11));
    switch (Math.floor(rnd() * 3)) {
      case 0: setAt(svc, pick(rnd, BOOL_PATHS), raw); break;
      case 1: setAt(svc, pick(rnd, INT_PATHS), raw); break;
      default: mapAt(svc, ['environment']).set('VALUE', raw);
    }
  },
  duplicateItem(doc, rnd) {
    const svc = service(doc, rnd);
    const key = pick(rnd, LIST_KEYS);
    const list = asList(svc.get(key)) ?? [pick(rnd, key === 'ports' ? ['80:80', 80] : key === 'environment' ? ['A=1'] : ['x'])];
    if (list.length > 0) list.push(list[Math.floor(rnd() * list.length)] ?? 'x');
    svc.set(key, list);
  },
  template(doc, rnd) {
    const svc = service(doc, rnd);
    const t = pick(rnd, TEMPLATES);
    switch (Math.floor(rnd() * 4)) {
      case 0: svc.set('image', `nginx:${t}`); break;
      case 1: setAt(svc, pick(rnd, INT_PATHS), t); break;
      case 2: setAt(svc, pick(rnd, BOOL_PATHS), t); break;
      default: mapAt(svc, ['environment']).set('T', t);
    }
  },
  reference(doc, rnd) {
    const svc = service(doc, rnd);
    const kind = pick(rnd, ['networks', 'secrets', 'configs', 'volumes']);
    const name = pick(rnd, ['front', 'back', 'db_password', 'site_conf', 'data', 'default', 'missing']);
    if (kind === 'volumes') svc.set('volumes', [...(asList(svc.get('volumes')) ?? []), `${name}:/mnt/${name}`]);
    else svc.set(kind, [...(asList(svc.get(kind)) ?? []), name]);
    if (chance(rnd, 0.5)) mapAt(doc, [kind]).set(name, kind === 'secrets' ? M.of({ file: './secret.txt' }) : kind === 'configs' ? M.of({ file: pick(rnd, ['./app.conf', './nope.conf']) }) : null);
  },
  deployRule(doc, rnd) {
    const svc = service(doc, rnd);
    switch (Math.floor(rnd() * 11)) {
      case 6: setAt(svc, pick(rnd, [['deploy', 'update_config', 'delay'], ['deploy', 'update_config', 'monitor'], ['deploy', 'restart_policy', 'delay'], ['deploy', 'rollback_config', 'delay']]), pick(rnd, ['-5s', '5s', '-1ms'])); break;
      case 7: setAt(svc, pick(rnd, [['healthcheck', 'interval'], ['healthcheck', 'timeout'], ['healthcheck', 'start_period']]), pick(rnd, ['500us', '1ms', '0s', '2s', '-1s'])); mapAt(svc, ['healthcheck']).set('test', ['CMD', 'true']); break;
      case 8: setAt(svc, ['deploy', 'mode'], pick(rnd, ['replicated-job', 'global-job', 'replicated'])); setAt(svc, [pick(rnd, ['deploy']), pick(rnd, ['update_config', 'rollback_config']), 'parallelism'], 1); break;
      case 9: svc.set('volumes', pick(rnd, [['/tmp:/data', 'vol:/data'], ['/tmp:/a', '/tmp:/b'], [M.of({ type: 'tmpfs', target: '/t' }), '/tmp:/t']])); mapAt(doc, ['volumes']).set('vol', null); break;
      case 10: svc.set('secrets', pick(rnd, [['s1', M.of({ source: 's2', target: 's1' })], ['s1', 's2'], [M.of({ source: 's1', target: 'x' }), M.of({ source: 's2', target: 'x' })]])); mapAt(doc, ['secrets']).set('s1', M.of({ file: './secret.txt' })).set('s2', M.of({ file: './secret.txt' })); break;
      case 0: setAt(svc, ['deploy', 'mode'], pick(rnd, ['global', 'global-job'])); setAt(svc, ['deploy', 'replicas'], 2); break;
      case 1: setAt(svc, ['deploy', 'endpoint_mode'], 'dnsrr'); svc.set('ports', [pick(rnd, ['80:80', M.of({ target: 80, published: 80, mode: 'host' }), M.of({ target: 80 })])]); break;
      case 2: svc.set('healthcheck', M.of({ disable: true, test: ['CMD', 'true'] })); break;
      case 3: setAt(svc, ['deploy', 'update_config', 'max_failure_ratio'], pick(rnd, [0.5, 1.5, -0.1, 1])); break;
      case 4: svc.set('ports', ['80:80', pick(rnd, ['80:81', '80:80/udp', '81:80'])]); break;
      default: svc.set('restart', pick(rnd, RESTARTS)); if (chance(rnd, 0.3)) setAt(svc, ['deploy', 'restart_policy', 'condition'], 'none');
    }
  },
  topLevel(doc, rnd) {
    const kind = pick(rnd, ['networks', 'volumes', 'secrets', 'configs']);
    const def = pick(rnd, [
      M.of({ external: true }), M.of({ external: M.of({ name: 'shared' }), name: 'other' }), M.of({ external: true, driver: 'local' }),
      M.of({ external: true, labels: ['a=b'] }), M.of({ driver: 'vault', file: './secret.txt' }), M.of({ name: 'named-${TAG}', file: './secret.txt' }),
      M.of({ file: './secret.txt', template_driver: 'golang' }), M.of({ external: M.of({ name: 'x', foo: 1 }) }), null, M.of({ driver_opts: M.of({ a: 1, b: new Raw('true') }) }),
    ]);
    mapAt(doc, [kind]).set(pick(rnd, ['ext', 'data', 'bad name', 'n.1']), def);
  },
  nonStringKey(doc, rnd) {
    const svc = service(doc, rnd);
    const key = new Raw(pick(rnd, ['80', 'true', '~', '2024-01-01', '1.5', '"80"', 'null']));
    (chance(rnd, 0.2) ? doc : mapAt(svc, [pick(rnd, ['environment', 'labels', 'sysctls'])])).entries.push([key, 'v']);
  },
  duplicateKey(doc, rnd) {
    const svc = service(doc, rnd);
    const [k, v] = pick(rnd, svc.entries);
    svc.entries.push([chance(rnd, 0.3) && typeof k === 'string' ? new Raw(`"${k}"`) : k, v]);
  },
  shortVolume(doc, rnd) {
    const svc = service(doc, rnd);
    svc.set('volumes', [pick(rnd, VOLUMES)]);
    if (chance(rnd, 0.5)) mapAt(doc, ['volumes']).set('data', null);
  },
  mountOptions(doc, rnd) {
    const svc = service(doc, rnd);
    const type = pick(rnd, ['bind', 'volume', 'tmpfs']);
    const m = M.of({ type, target: '/mnt', ...(type === 'tmpfs' ? {} : { source: type === 'bind' ? '/tmp' : 'data' }) });
    m.set(pick(rnd, ['bind', 'volume', 'tmpfs']), pick(rnd, [M.of({ create_host_path: true }), M.of({ propagation: 'rshared' }), M.of({ nocopy: true, subpath: 'x' }), M.of({ size: -1 }), M.of({ size: 1000 })]));
    svc.set('volumes', [m]);
    mapAt(doc, ['volumes']).set('data', null);
  },
  command(doc, rnd) {
    service(doc, rnd).set(pick(rnd, ['command', 'entrypoint']), pick(rnd, COMMANDS));
  },
  flowStyle(doc, rnd) {
    const svc = service(doc, rnd);
    const [k, v] = pick(rnd, svc.entries);
    if (typeof k === 'string' && (v instanceof M || Array.isArray(v))) svc.set(k, new Flow(v));
  },
};

export const OPS = ops;
export const OP_NAMES = Object.keys(ops);
