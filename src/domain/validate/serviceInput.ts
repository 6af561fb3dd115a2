// What `docker service create|scale|update` accept, checked step by step before the Engine is
// asked: names as SwarmKit validates them (controlapi/common.go: a DNS label, 63 characters at
// most), image references (the distribution reference grammar), replica counts, published ports
// (the CLI's short `published:target/proto` and long `published=…,target=…,mode=host` forms),
// environment variables (docker/cli opts.ValidateEnv), placement constraints (the stack engine's
// grammar). Each validator returns an error message naming the cause and the fix, or undefined.
import { checkConstraint } from '../../domain/constraints';
import type { PortConfigSpec, PortProtocol, PublishMode } from '../specs/serviceSpec';

export const MAX_REPLICAS = 1000;

/** SwarmKit's isValidDNSName (controlapi/common.go): service and swarm network names. */
export const DNS_NAME = /^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$/;

export function validateServiceName(text: string, taken: readonly string[] = []): string | undefined {
  const t = text.trim();
  if (t === '') return 'A service needs a name, e.g. web.';
  if (t.length > 63) return `"${t}" has ${t.length} characters: a service name is 63 at most (it is a DNS name).`;
  if (!DNS_NAME.test(t)) return `"${t}" is not a valid service name: use letters, digits, "-" and "_", starting and ending with a letter or digit.`;
  if (taken.includes(t)) return `A service named "${t}" exists already: choose another name.`;
  return undefined;
}

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`);

export function validateImage(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return 'An image is needed, e.g. nginx:1.27 or registry.example.com/team/app:2.';
  if (/\s/.test(t)) return `"${t}" contains whitespace: an image reference is [registry/]name[:tag][@digest].`;
  if (!REFERENCE.test(t)) {
    return /[A-Z]/.test(t.split('/').slice(-1)[0] ?? '')
      ? `"${t}": repository names must be lower-case.`
      : `"${t}" is not a valid image reference: write [registry/]name[:tag][@sha256:digest].`;
  }
  return undefined;
}

export function validateReplicas(text: string): string | undefined {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return `"${t}" is not a whole number: enter 0 to ${MAX_REPLICAS}.`;
  const n = Number(t);
  return n > MAX_REPLICAS ? `${n} replicas is more than ${MAX_REPLICAS}: enter 0 to ${MAX_REPLICAS}.` : undefined;
}

function port(text: string, what: string): number | string {
  const n = Number(text);
  return /^\d+$/.test(text) && n >= 1 && n <= 65535 ? n : `${what} "${text}" must be a port number from 1 to 65535.`;
}

export function validatePortNumber(n: number | undefined, optional = false): string | undefined {
  if (n === undefined) return optional ? undefined : 'A target (container) port is needed.';
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? undefined : `Port ${n} must be a number from 1 to 65535.`;
}

const PROTOCOLS: readonly string[] = ['tcp', 'udp', 'sctp'];

/** One published port: `8080:80`, `80`, `53:53/udp`, or `published=8080,target=80,protocol=tcp,mode=host`. */
export function parsePort(text: string): PortConfigSpec | string {
  const t = text.trim();
  if (t.includes('=')) {
    const fields = new Map(t.split(',').map((kv) => { const [k = '', v = ''] = kv.split('='); return [k.trim().toLowerCase(), v.trim()] as const; }));
    const unknown = [...fields.keys()].find((k) => !['published', 'target', 'protocol', 'mode'].includes(k));
    if (unknown) return `"${unknown}" is not a port option: use published, target, protocol, mode.`;
    const target = port(fields.get('target') ?? '', 'target');
    if (typeof target === 'string') return fields.has('target') ? target : `"${t}" needs target=<container port>.`;
    const publishedText = fields.get('published');
    const published = publishedText === undefined || publishedText === '' ? undefined : port(publishedText, 'published');
    if (typeof published === 'string') return published;
    const protocol = fields.get('protocol') ?? 'tcp';
    if (!PROTOCOLS.includes(protocol)) return `protocol "${protocol}" must be tcp, udp or sctp.`;
    const mode = fields.get('mode') ?? 'ingress';
    if (mode !== 'ingress' && mode !== 'host') return `mode "${mode}" must be ingress or host.`;
    return { Protocol: protocol as PortProtocol, TargetPort: target, ...(published ? { PublishedPort: published } : {}), PublishMode: mode as PublishMode };
  }
  const m = /^(?:(\d+):)?(\d+)(?:\/(\w+))?$/.exec(t);
  if (!m) return `"${t}" is not a port: write published:target (8080:80), add /udp or /sctp, or published=…,target=…,mode=host.`;
  const target = port(m[2] ?? '', 'target');
  if (typeof target === 'string') return target;
  const published = m[1] === undefined ? undefined : port(m[1], 'published');
  if (typeof published === 'string') return published;
  const protocol = (m[3] ?? 'tcp').toLowerCase();
  if (!PROTOCOLS.includes(protocol)) return `protocol "${protocol}" must be tcp, udp or sctp.`;
  return { Protocol: protocol as PortProtocol, TargetPort: target, ...(published ? { PublishedPort: published } : {}), PublishMode: 'ingress' };
}

/** Space-separated ports; duplicates of a published port are refused as the Engine refuses them. */
export function parsePorts(text: string): PortConfigSpec[] | string {
  const out: PortConfigSpec[] = [];
  for (const item of text.trim().split(/\s+/).filter(Boolean)) {
    const p = parsePort(item);
    if (typeof p === 'string') return p;
    const clash = out.find((o) => o.PublishedPort !== undefined && o.PublishedPort === p.PublishedPort && o.Protocol === p.Protocol);
    if (clash) return `Port ${p.PublishedPort}/${p.Protocol} is published twice.`;
    out.push(p);
  }
  return out;
}

export function validateEnv(text: string): string | undefined {
  const t = text.trim();
  const at = t.indexOf('=');
  if (at < 0) return `Write the variable as NAME=value ("${t}" has no "=").`;
  const name = t.slice(0, at);
  if (name === '') return `"${t}" has no variable name before "=".`;
  if (/\s/.test(name)) return `The variable name "${name}" contains whitespace.`;
  return undefined;
}

/** Empty is fine (no constraint); otherwise the scheduler's grammar. */
export function validateConstraint(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return checkConstraint(t)?.message;
}

/** A command line split as a POSIX shell would (quotes, backslashes), without expansion; a string: the error. */
export function splitArgs(text: string): string[] | string {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote === "'") { if (c === "'") quote = undefined; else cur += c; continue; }
    if (c === '\\' && i + 1 < text.length && quote !== undefined) {
      const next = text.charAt(i + 1);
      if (next === '"' || next === '\\') { cur += next; i++; continue; }
    }
    if (c === '\\' && quote === undefined && i + 1 < text.length) { cur += text.charAt(++i); has = true; continue; }
    if (quote === '"') { if (c === '"') quote = undefined; else cur += c; continue; }
    if (c === '"' || c === "'") { quote = c; has = true; continue; }
    if (/\s/.test(c)) { if (has || cur !== '') out.push(cur); cur = ''; has = false; continue; }
    cur += c;
  }
  if (quote) return `The command has an unclosed ${quote === '"' ? 'double' : 'single'} quote.`;
  if (has || cur !== '') out.push(cur);
  return out;
}
