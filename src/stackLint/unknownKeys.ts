// What to say about a key the schema does not allow where it stands: it needs a newer `version`, it
// is a docker compose key swarm refuses (and where swarm wants it), a typo of a sibling, or a known
// key in the wrong place ("`replica` belongs under `deploy` as `replicas`", with a fix that moves it).
import type { DiagnosticCode } from './codes';
import { composeSchema, LATEST_MINOR, type Schema } from './schema';
import { closest } from '../domain/suggest';
import { UNSUPPORTED_SERVICE, UNSUPPORTED_TOP } from './swarmKeys';

/** Where a key stands relative to its service: `rel` are the keys from the service map down. */
export interface KeyContext { readonly service: string | undefined; readonly rel: readonly string[] }

export interface KeyProblem { readonly code: DiagnosticCode; readonly message: string; readonly data?: Record<string, string> }

interface Shape { readonly keys: ReadonlySet<string>; readonly extensions: boolean }

/** Every object schema of a version, by id: which keys and whether `x-*` is allowed (built when first asked). */
const SHAPES = new Map<number, ReadonlyMap<string, Shape>>();
function shapes(v: number): ReadonlyMap<string, Shape> {
  const known = SHAPES.get(v);
  if (known) return known;
  const byId = new Map<string, Shape>();
  const visit = (s: Schema | undefined): void => {
    if (!s) return;
    if (s.id && s.properties && !byId.has(s.id)) byId.set(s.id, { keys: new Set(Object.keys(s.properties)), extensions: s.extensions === true });
    for (const p of Object.values(s.properties ?? {})) visit(p);
    visit(s.values);
    visit(s.items);
    for (const b of s.oneOf ?? []) visit(b);
  };
  visit(composeSchema(v));
  SHAPES.set(v, byId);
  return byId;
}

/** The first minor version after `minor` whose `id` object has `key` (or allows `x-*`), if any. */
function since(id: string | undefined, key: string, minor: number): number | undefined {
  if (id === undefined) return undefined;
  const ext = key.startsWith('x-');
  for (let v = minor + 1; v <= LATEST_MINOR; v++) {
    const shape = shapes(v).get(id);
    if (shape && (shape.keys.has(key) || (ext && shape.extensions))) return v;
  }
  return undefined;
}

/** Keys anywhere under a service (object properties only, not inside lists), as paths from the service. */
let servicePaths: readonly (readonly string[])[] | undefined;
function keyPaths(): readonly (readonly string[])[] {
  if (servicePaths) return servicePaths;
  const out: string[][] = [];
  const walk = (s: Schema, at: string[]): void => {
    for (const [k, child] of Object.entries(s.properties ?? {})) {
      out.push([...at, k]);
      for (const branch of [child, ...(child.oneOf ?? [])]) if (branch.properties && branch.id !== 'build') walk(branch, [...at, k]);
    }
  };
  const service = composeSchema(LATEST_MINOR).properties?.services?.values;
  if (service) walk(service, []);
  return (servicePaths = out);
}

/** A known key this one is (or is a typo of) elsewhere in the service: the shortest such path. */
function elsewhere(key: string, ctx: KeyContext): readonly string[] | undefined {
  if (ctx.service === undefined) return undefined;
  const here = ctx.rel.join('.');
  const candidates = keyPaths().filter((p) => p.slice(0, -1).join('.') !== here && !key.startsWith('x-'));
  const exact = candidates.filter((p) => p[p.length - 1] === key);
  const pool = exact.length > 0 ? exact : candidates.filter((p) => closest(key, [p[p.length - 1] ?? ''], key.length > 5 ? 2 : 1) !== undefined);
  return [...pool].sort((a, b) => a.length - b.length)[0];
}

export function unknownKey(key: string, full: string, s: Schema, minor: number, ctx: KeyContext): KeyProblem {
  const min = since(s.id, key, minor);
  if (min !== undefined) {
    return {
      code: 'needs-newer-version',
      message: `\`${full}\` needs version "3.${min}" or later; this file declares "3.${minor}": raise \`version\` or remove the key.`,
      data: { suggestion: `3.${min}` },
    };
  }
  if (key.startsWith('x-')) {
    return { code: 'unknown-key', message: `\`${full}\`: x-* keys are only allowed at the top level and directly in services, networks, volumes, secrets and configs.` };
  }
  const unsupported = s.id === 'top' ? UNSUPPORTED_TOP[key] : s.id === 'service' ? UNSUPPORTED_SERVICE[key] : undefined;
  if (unsupported !== undefined) {
    return { code: 'unsupported-key', message: `\`${full}\` is a docker compose key that docker stack deploy rejects: ${unsupported.hint}.`, data: { key, ...(unsupported.moveTo ? { moveTo: unsupported.moveTo } : {}) } };
  }
  const base = `Unknown key \`${full}\`: docker stack deploy rejects additional properties.`;
  // `s` is this version's schema: its properties are the keys the file may use here.
  const typo = closest(key, Object.keys(s.properties ?? {}));
  if (typo) return { code: 'unknown-key', message: `${base} Did you mean \`${typo}\`?`, data: { suggestion: typo } };
  const target = elsewhere(key, ctx);
  if (target) {
    const to = target.join('.');
    return { code: 'unknown-key', message: `${base} It belongs under the service as \`${to}\`.`, data: { moveTo: to } };
  }
  return { code: 'unknown-key', message: `${base} Remove it or prefix it with \`x-\`.` };
}
