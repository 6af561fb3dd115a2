// Validation against the compose schema of the declared version (schema.ts), with JSON Schema's
// rules as the CLI's validator applies them: types, required and additional properties, patterns,
// oneOf, uniqueItems, enum, formats. Runs on the merged, interpolated document (src/stack), so keys
// that arrive by `<<:` are checked too; a value whose final text is unknown is left alone.
import type { YNode, YScalar } from '../yamlAst';
import type { DiagnosticCode } from './codes';
import type { SEntry, SMap, SNode } from '../stack/tree';
import { parsePortSpec } from '../stack/ports';
import { parseDuration } from '../stack/units';
import type { Reporter } from './report';
import type { JsonType, Schema } from './schema';
import { closest } from '../domain/suggest';
import { describe, jsonType, plainJson, quoteSuggestion, typeOk } from './schemaText';
import { unknownKey, type KeyContext } from './unknownKeys';

interface Problem { readonly node: YNode; readonly key?: YScalar; readonly code: DiagnosticCode; readonly message: string; readonly data?: Record<string, string> }

/** Where problems go: the reporter, or a counter while a `oneOf` branch is tried. */
interface Sink { add(p: Problem): void }

class Counter implements Sink {
  count = 0;
  add(): void { this.count++; }
}

export class SchemaChecker implements Sink {
  /** Where the walk is: keys and item indexes from the root (strings are built only for problems). */
  private readonly at: (string | number)[] = [];

  constructor(private readonly r: Reporter, private readonly minor: number) {}

  add(p: Problem): void {
    if (p.key) this.r.atValue(p.node, p.key, p.code, 'error', p.message, p.data);
    else this.r.at(p.node, p.code, 'error', p.message, p.data);
  }

  /** `version` is left to version.ts (the CLI reads it before anything else). */
  check(root: SMap, schema: Schema): void {
    const { version: _version, ...properties } = schema.properties ?? {};
    this.validate(root, { ...schema, properties: { ...properties, version: {} } }, undefined, this);
  }

  /** `services.web.ports[0]` */
  private path(): string {
    let s = '';
    for (const x of this.at) s = typeof x === 'number' ? `${s}[${x}]` : s ? `${s}.${x}` : x;
    return s;
  }

  /** Where a key stands relative to its service, for "belongs under" hints. */
  private keyContext(): KeyContext {
    const service = this.at[0] === 'services' && typeof this.at[1] === 'string' ? this.at[1] : undefined;
    return { service, rel: service === undefined ? [] : this.at.slice(2, -1).filter((x): x is string => typeof x === 'string') };
  }

  private validate(n: SNode, s: Schema, key: YScalar | undefined, sink: Sink): void {
    if (n.kind === 'scalar' && n.unknown) return;
    if (s.type !== undefined && !typeOk(n, s.type)) return this.wrongType(n, s, key, sink);
    if (s.oneOf) return this.oneOf(n, s.oneOf, s, key, sink);
    if (n.kind === 'scalar') return this.scalar(n.value, n.src, s, sink);
    if (n.kind === 'list') {
      if (s.items) {
        for (let i = 0; i < n.items.length; i++) {
          this.at.push(i);
          this.validate(n.items[i] as SNode, s.items, undefined, sink);
          this.at.pop();
        }
      }
      if (s.unique) this.unique(n.items, sink);
      return;
    }
    this.object(n, s, key, sink);
  }

  private wrongType(n: SNode, s: Schema, key: YScalar | undefined, sink: Sink): void {
    const what = jsonType(n) === 'null' ? 'has no value' : 'has the wrong type';
    sink.add({ node: n.src, key, code: 'wrong-type', message: `\`${this.path()}\` ${what}: it must be ${describe(s)}.`, data: quoteSuggestion(n, s) });
  }

  private scalar(v: unknown, node: YScalar, s: Schema, sink: Sink): void {
    if (s.enum && typeof v === 'string' && !s.enum.includes(v)) {
      const suggestion = closest(v, s.enum, 3);
      sink.add({ node, code: 'bad-enum', message: `\`${this.path()}\` must be one of ${s.enum.join(', ')}, not "${v}".${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`, ...(suggestion ? { data: { suggestion } } : {}) });
    }
    if (s.format && ((typeof v === 'string' && !formatOk(s.format, v)) || (typeof v === 'number' && s.format === 'ports' && Number.isInteger(v) && !parsePortSpec(String(v))))) {
      sink.add({ node, code: 'bad-format', message: `\`${this.path()}\` is not ${describe({ format: s.format })}.` });
    }
    if (s.minimum !== undefined && typeof v === 'number' && v < s.minimum) {
      sink.add({ node, code: 'bad-value', message: `\`${this.path()}\` must be at least ${s.minimum}.` });
    }
  }

  private object(m: SMap, s: Schema, key: YScalar | undefined, sink: Sink): void {
    for (const req of s.required ?? []) {
      if (!m.has(req)) sink.add({ node: key ?? m.src, code: 'missing-key', message: `\`${this.path()}\` needs \`${req}\`.`, data: { key: req } });
    }
    for (const e of m.entries) {
      const prop = s.properties?.[e.key];
      const named = s.keys?.test(e.key) === true;
      this.at.push(e.key);
      if (prop) this.validate(e.value, prop, e.keyNode, sink);
      if (named && s.values) this.validate(e.value, s.values, e.keyNode, sink);
      if (!(prop || named || s.open || (s.extensions && e.key.startsWith('x-')))) this.additional(e, s, sink);
      this.at.pop();
    }
  }

  private additional(e: SEntry, s: Schema, sink: Sink): void {
    const full = this.path();
    if (s.keys) {
      sink.add({ node: e.keyNode, code: 'bad-name', message: `Name "${e.key}" under \`${full.slice(0, -e.key.length - 1)}\` may only contain letters, digits, ".", "_" and "-".`, data: { suggestion: e.key.replace(/[^a-zA-Z0-9._-]+/g, '-') } });
      return;
    }
    const p = unknownKey(e.key, full, s, this.minor, this.keyContext());
    sink.add({ node: e.keyNode, code: p.code, message: p.message, ...(p.data ? { data: p.data } : {}) });
  }

  private oneOf(n: SNode, branches: readonly Schema[], s: Schema, key: YScalar | undefined, sink: Sink): void {
    const fitting = branches.filter((b) => b.type === undefined || typeOk(n, b.type));
    if (fitting.length === 0) return this.wrongType(n, s, key, sink);
    const [first] = fitting as [Schema];
    if (fitting.length === 1) return this.validate(n, first, key, sink);
    const valid = fitting.filter((b) => { const c = new Counter(); this.validate(n, b, key, c); return c.count === 0; });
    if (valid.length === 1) return;
    if (valid.length === 0) return this.validate(n, first, key, sink);
    sink.add({ node: n.src, key, code: 'wrong-type', message: `\`${this.path()}\` fits more than one of the forms the CLI accepts (${describe(s)}): it refuses it.` });
  }

  /** uniqueItems: the CLI compares items as JSON, so `"80"` and `80` differ but `2` and `2.0` do not. */
  private unique(items: readonly SNode[], sink: Sink): void {
    if (items.length < 2 || items.some((i) => i.kind === 'scalar' && i.unknown)) return;
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const k = JSON.stringify(plainJson(item));
      const first = seen.get(k);
      if (first === undefined) { seen.set(k, i); return; }
      const path = this.path();
      sink.add({ node: item.src, code: 'duplicate-item', message: `\`${path}[${i}]\` repeats item ${first}: the CLI wants the items of \`${path}\` unique. Remove one.` });
    });
  }
}

function formatOk(format: NonNullable<Schema['format']>, v: string): boolean {
  return format === 'duration' ? parseDuration(v) !== undefined : parsePortSpec(v) !== undefined;
}


export type { JsonType };
