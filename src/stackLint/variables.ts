// `${VAR:?message}` / `${VAR?message}`: the CLI aborts the deploy when VAR is missing (or empty, with `:?`).
import type { YScalar } from '../yamlAst';
import { Reporter } from './report';

// `$$` is an escaped dollar and must be skipped, hence the alternation.
const TOKEN = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[?])([^}]*))?\})/g;

/** Called for every value scalar by walk.ts. */
/**
 * Where `${...}` stands in the source: exact when the scalar's text is its value (plain, or quoted
 * without escapes); otherwise the whole scalar.
 */
function tokenSpan(node: YScalar, index: number, length: number, text: string): [number, number] {
  const value = String(node.value);
  const raw = text.slice(node.start, node.end);
  const inner = node.style === 'quoted' ? raw.slice(1, -1) : raw;
  if (inner !== value) return [node.start, node.end];
  const at = node.start + (node.style === 'quoted' ? 1 : 0) + index;
  return [at, at + length];
}

export function reportRequiredVariables(node: YScalar, env: Readonly<Record<string, string | undefined>>, r: Reporter,
  dotenv: Readonly<Record<string, string>> | undefined, text: string): void {
  if (typeof node.value !== 'string' || !node.value.includes('${')) return;
  for (const m of node.value.matchAll(TOKEN)) {
    const [, name, op, message] = m;
    if (name === undefined || op === undefined) continue;
    const value = env[name];
    if (value !== undefined && !(op === ':?' && value === '')) continue;
    const why = op === ':?' ? 'is not set or empty' : 'is not set';
    const said = message ? `: ${message}` : '';
    const next = dotenv && dotenv[name] !== undefined
      ? `It is in the .env file beside the stack file, but docker stack deploy does not read .env files: export it first (set -a; . ./.env; set +a).`
      : 'Set it in the environment of docker stack deploy.';
    const [start, end] = tokenSpan(node, m.index ?? 0, m[0].length, text);
    r.add('required-variable', 'error', `Required variable ${name} ${why}${said}. ${next}`, start, end, { variable: name });
  }
}
