// `${VAR}` templates in string values, as the docker CLI substitutes them (its compose template
// package, read from source): `$$` escapes, `$VAR`, `${VAR}`, `:-`/`-` defaults, `:?`/`?` required.
// Two of its quirks matter for the verdict and are kept: the separators are tried in the order
// `:-`, `-`, `:?`, `?` (so `${A:?a-b}` is a default, "b"), and only the last substitution's error
// survives (`${A:?} ${B}` with B set passes, A empty).

export type Env = Readonly<Record<string, string | undefined>>;

/** Case-insensitive, as the CLI's pattern: escaped `$`, named, braced, or anything else (invalid). */
const PATTERN = /\$(?:(\$)|([_a-z][_a-z0-9]*(?::?[-?][^}]*)?)|\{([_a-z][_a-z0-9]*(?::?[-?][^}]*)?)\}|())/gi;

export interface TemplateError {
  readonly kind: 'bad-template' | 'required-variable';
  /** Offset and length of the `$…` in the value. */
  readonly index: number;
  readonly length: number;
  readonly variable?: string;
  /** `:?` also refuses an empty value; `?` only a missing one. */
  readonly op?: ':?' | '?';
  readonly message?: string;
}

export interface Substituted {
  /** Undefined when it depends on variables of an unknown environment. */
  readonly value: string | undefined;
  /** The error the CLI stops with (the last one standing), if any. */
  readonly error?: TemplateError;
  /** Errors a later substitution cleared: the CLI goes on, with those variables empty. */
  readonly cleared: readonly TemplateError[];
  /** Variables a `${VAR:?}`/`${VAR?}` would have stopped the CLI for, when the environment is unknown. */
  readonly required: readonly string[];
}

const cut = (s: string, sep: string): [string, string] => {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
};

/** Does the text hold anything interpolation would touch? (A cheap test before `substitute`.) */
export function hasTemplate(s: string): boolean {
  return s.includes('$');
}

export function substitute(template: string, env: Env | undefined): Substituted {
  const lookup = (name: string): string | undefined => (env && Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined);
  let error: TemplateError | undefined;
  let unknown = false;
  const cleared: TemplateError[] = [];
  const required: string[] = [];
  const value = template.replace(PATTERN, (whole: string, escaped?: string, named?: string, braced?: string, _invalid?: string, index?: number) => {
    const at = index ?? 0;
    if (escaped) return escaped;
    const sub = named || braced || '';
    if (sub === '') {
      if (error) cleared.push(error);
      error = { kind: 'bad-template', index: at, length: whole.length || 1 };
      return '';
    }
    if (error) cleared.push(error);
    error = undefined;
    for (const sep of [':-', '-'] as const) {
      if (!sub.includes(sep)) continue;
      const [name, def] = cut(sub, sep);
      if (!env) { unknown = true; return ''; }
      const v = lookup(name);
      return v === undefined || (sep === ':-' && v === '') ? def : v;
    }
    for (const sep of [':?', '?'] as const) {
      if (!sub.includes(sep)) continue;
      const [name, message] = cut(sub, sep);
      if (!env) { unknown = true; required.push(name); return ''; }
      const v = lookup(name);
      if (v === undefined || (sep === ':?' && v === '')) {
        error = { kind: 'required-variable', index: at, length: whole.length, variable: name, op: sep, message };
        return '';
      }
      return v;
    }
    if (!env) { unknown = true; return ''; }
    return lookup(sub) ?? '';
  });
  const out: Substituted = { value: unknown ? undefined : value, cleared, required };
  return error ? { ...out, error } : out;
}
