// One walk over the document against SCHEMAS: unknown-key, unsupported-key, ignored-key,
// wrong-type, bad-enum and bad-format.
import type { YMap, YNode, YPair, YScalar } from '../yamlAst';
import { isBytes, isCpus, isDuration, isShortPort } from './formats';
import { Reporter, keyName } from './report';
import { Kind, SCHEMAS, ValueSpec } from './schema';
import { closest } from './suggest';
import { MIN_MINOR } from './versionGates';

/** MIN_MINOR by schema, then key: one lookup per key instead of a string per key. */
const GATES = new Map<string, Map<string, number>>();
for (const [k, min] of Object.entries(MIN_MINOR)) {
  const dot = k.indexOf('.');
  const schema = k.slice(0, dot);
  const gates = GATES.get(schema) ?? new Map<string, number>();
  gates.set(k.slice(dot + 1), min);
  GATES.set(schema, gates);
}
import { IGNORED_SERVICE, UNSUPPORTED_SERVICE, UNSUPPORTED_TOP } from './swarmKeys';

const KIND_TEXT: Readonly<Record<Kind, string>> = {
  string: 'a string', number: 'a number', integer: 'an integer', boolean: 'true or false',
  stringOrNumber: 'a string or a number', duration: 'a duration such as "10s" or "1m30s"',
  bytes: 'a size such as "512M" or "1g"', cpus: 'a CPU count such as "0.5"', port: 'a port such as "8080:80"',
  stringList: 'a list of strings', stringOrList: 'a string or a list of strings',
  listOrMap: 'a mapping or a list of "KEY=value" strings', any: 'anything',
};

// YAML 1.1 booleans, which the CLI's YAML parser still understands.
const YAML11_BOOL = /^(?:y|yes|n|no|on|off|true|false)$/i;

type Shape = 'scalar' | 'seq' | 'map' | 'null' | 'alias';

function shapeOf(node: YNode | undefined): Shape {
  if (!node) return 'null';
  if (node.kind === 'scalar') return node.value === null || node.value === undefined ? 'null' : 'scalar';
  return node.kind;
}

const NAME = /^[a-zA-Z0-9._-]+$/;
const NOT_NAME = /[^a-zA-Z0-9._-]+/g;

/** An interpolated string: the CLI substitutes and casts it before validation, so its type is unknowable here. */
function interpolated(v: unknown): boolean {
  return typeof v === 'string' && v.includes('$');
}

function describe(spec: ValueSpec): string {
  if (typeof spec === 'string') return KIND_TEXT[spec];
  if ('enum' in spec) return `one of ${spec.enum.join(', ')}`;
  if ('object' in spec || 'mapOf' in spec) return 'a mapping';
  if ('listOf' in spec) return 'a list';
  return spec.oneOf.map(describe).join(' or ');
}

/** Does the node have the outer shape (and scalar type) the spec wants? Used to pick a oneOf branch. */
function accepts(node: YNode | undefined, spec: ValueSpec): boolean {
  const shape = shapeOf(node);
  if (shape === 'alias') return true;
  if (typeof spec !== 'string') {
    if ('enum' in spec) return shape === 'scalar' && typeof (node as YScalar).value === 'string';
    if ('object' in spec || 'mapOf' in spec) return shape === 'map' || (shape === 'null' && spec.nullable === true);
    if ('listOf' in spec) return shape === 'seq';
    return spec.oneOf.some((s) => accepts(node, s));
  }
  if (spec === 'any') return true;
  if (spec === 'stringList') return shape === 'seq';
  if (spec === 'listOrMap') return shape === 'seq' || shape === 'map';
  if (shape !== 'scalar') return spec === 'stringOrList' && shape === 'seq';
  const v = (node as YScalar).value;
  switch (spec) {
    case 'number': return typeof v === 'number' || interpolated(v);
    case 'integer': return (typeof v === 'number' && Number.isInteger(v)) || interpolated(v);
    case 'boolean': return typeof v === 'boolean' || interpolated(v) || (typeof v === 'string' && YAML11_BOOL.test(v));
    case 'stringOrNumber': return typeof v === 'string' || typeof v === 'number';
    case 'port': return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
    default: return typeof v === 'string';
  }
}

export class SchemaChecker {
  /** `minor`: the declared 3.x minor version, for MIN_MINOR gates; undefined means the latest. */
  constructor(private readonly r: Reporter, private readonly minor?: number) {}

  checkObject(map: YMap, schemaName: string, path: string): void {
    const schema = SCHEMAS[schemaName];
    if (!schema) return;
    const gates = this.minor === undefined ? undefined : GATES.get(schemaName);
    for (const pair of map.pairs) {
      const key = keyName(pair);
      if (key === undefined || key === '<<') continue;
      const full = path ? `${path}.${key}` : key;
      const ext = key.startsWith('x-');
      if (gates && !this.versionAllows(pair, gates.get(ext ? 'x-*' : key), full)) continue;
      if (ext) {
        if (!schema.extensions) {
          this.r.at(pair.key, 'unknown-key', 'error', `\`${full}\`: x-* keys are only allowed at the top level and directly in services, networks, volumes, secrets and configs.`);
        }
        continue;
      }
      const spec = schema.keys[key];
      if (spec === undefined) {
        if (!schema.open) this.unknownKey(pair, key, full, schemaName, Object.keys(schema.keys));
        continue;
      }
      if (schemaName === 'service' && IGNORED_SERVICE[key] !== undefined) {
        this.r.at(pair.key, 'ignored-key', 'warning', `\`${full}\` is ignored by docker stack deploy: ${IGNORED_SERVICE[key]}.`, { key });
      }
      this.checkValue(pair.value, spec, full, pair.key);
    }
  }

  private versionAllows(pair: YPair, min: number | undefined, full: string): boolean {
    if (min === undefined || this.minor === undefined || this.minor >= min) return true;
    this.r.at(pair.key, 'needs-newer-version', 'error', `\`${full}\` needs version "3.${min}" or later; this file declares "3.${this.minor}": raise \`version\` or remove the key.`, { suggestion: `3.${min}` });
    return false;
  }

  private unknownKey(pair: YPair, key: string, full: string, schemaName: string, allowed: string[]): void {
    const unsupported = schemaName === 'top' ? UNSUPPORTED_TOP[key] : schemaName === 'service' ? UNSUPPORTED_SERVICE[key] : undefined;
    if (unsupported !== undefined) {
      this.r.at(pair.key, 'unsupported-key', 'error', `\`${full}\` is a docker compose key that docker stack deploy rejects: ${unsupported}.`, { key });
      return;
    }
    const suggestion = closest(key, allowed);
    const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : ' Remove it or prefix it with `x-`.';
    this.r.at(pair.key, 'unknown-key', 'error', `Unknown key \`${full}\`: docker stack deploy rejects additional properties.${hint}`, suggestion ? { suggestion } : undefined);
  }

  checkValue(node: YNode | undefined, spec: ValueSpec, path: string, keyNode: YNode): void {
    const shape = shapeOf(node);
    if (shape === 'alias') return; // checked where the anchor is defined
    if (!accepts(node, spec)) {
      const what = shape === 'null' ? 'has no value' : 'has the wrong type';
      const data = this.quoteSuggestion(node, spec);
      const message = `\`${path}\` ${what}: it must be ${describe(spec)}.`;
      if (node) this.r.atValue(node, keyNode, 'wrong-type', 'error', message, data);
      else this.r.at(keyNode, 'wrong-type', 'error', message, data);
      return;
    }
    if (typeof spec === 'string') return this.checkKind(node, spec, path);
    if ('enum' in spec) return this.checkEnum(node as YScalar, spec.enum, path);
    if ('object' in spec) {
      if (node?.kind === 'map') this.checkObject(node, spec.object, path);
      return;
    }
    if ('listOf' in spec) {
      if (node?.kind === 'seq') node.items.forEach((item, i) => this.checkValue(item, spec.listOf, `${path}[${i}]`, node));
      return;
    }
    if ('mapOf' in spec) {
      if (node?.kind !== 'map') return;
      for (const pair of node.pairs) {
        const key = keyName(pair);
        if (key === undefined || key === '<<') continue;
        if (spec.names && !NAME.test(key)) {
          this.r.at(pair.key, 'bad-name', 'error', `Name "${key}" under \`${path}\` may only contain letters, digits, ".", "_" and "-".`, { suggestion: key.replace(NOT_NAME, '-') });
        }
        this.checkValue(pair.value, spec.mapOf, `${path}.${key}`, pair.key);
      }
      return;
    }
    const branch = spec.oneOf.find((s) => accepts(node, s));
    if (branch !== undefined) this.checkValue(node, branch, path, keyNode);
  }

  /** Numbers where the CLI wants strings: offer the quoted form (the usual `cpus: 0.5` trap). */
  private quoteSuggestion(node: YNode | undefined, spec: ValueSpec): Record<string, string> | undefined {
    if (node?.kind !== 'scalar' || typeof node.value !== 'number') return undefined;
    if (spec === 'cpus' || spec === 'bytes' || spec === 'string') return { suggestion: `"${String(node.value)}"` };
    if (spec === 'duration') return { suggestion: `${String(node.value)}s` };
    return undefined;
  }

  private checkKind(node: YNode | undefined, kind: Kind, path: string): void {
    if (kind === 'stringList' || kind === 'listOrMap' || kind === 'stringOrList') return this.checkCollection(node, kind, path);
    if (node?.kind !== 'scalar' || typeof node.value !== 'string' || node.value.includes('${')) return;
    const v = node.value;
    const bad = (what: string) => this.r.at(node, 'bad-format', 'error', `\`${path}\` is not ${what}.`);
    if (kind === 'duration' && !isDuration(v)) bad(KIND_TEXT.duration);
    else if (kind === 'bytes' && !isBytes(v)) bad(KIND_TEXT.bytes);
    else if (kind === 'cpus' && !isCpus(v)) bad(KIND_TEXT.cpus);
    else if (kind === 'port' && !isShortPort(v)) bad('a port such as "80", "8080:80", "8080:80/udp" or "127.0.0.1:8080:80"');
  }

  private checkCollection(node: YNode | undefined, kind: Kind, path: string): void {
    if (node?.kind === 'seq') {
      node.items.forEach((item, i) => {
        if (shapeOf(item) === 'alias') return;
        if (item.kind !== 'scalar' || typeof item.value !== 'string') {
          this.r.at(item, 'wrong-type', 'error', `\`${path}[${i}]\` must be a string.`, this.quoteSuggestion(item, 'string'), node);
        }
      });
      return;
    }
    if (kind === 'listOrMap' && node?.kind === 'map') {
      for (const pair of node.pairs) {
        const v = pair.value;
        const s = shapeOf(v);
        if (s === 'null' || s === 'alias' || (v.kind === 'scalar' && typeof v.value !== 'boolean')) continue;
        if (keyName(pair) === '<<') continue;
        const data = v.kind === 'scalar' ? { suggestion: `"${String(v.value)}"` } : undefined;
        this.r.atValue(v, pair.key, 'wrong-type', 'error', `\`${path}.${keyName(pair) ?? ''}\` must be a string, a number or empty: quote it.`, data);
      }
    }
  }

  private checkEnum(node: YScalar, allowed: readonly string[], path: string): void {
    const v = node.value;
    if (typeof v !== 'string' || v.includes('$') || allowed.includes(v)) return;
    const suggestion = closest(v, allowed, 3);
    const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
    this.r.at(node, 'bad-enum', 'error', `\`${path}\` must be one of ${allowed.join(', ')}, not "${v}".${hint}`, suggestion ? { suggestion } : undefined);
  }
}
