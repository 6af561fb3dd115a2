// `${VAR:?message}` / `${VAR?message}`: the CLI aborts the deploy when VAR is missing (or empty, with `:?`).
import type { YScalar } from '../yamlAst';
import { Reporter } from './report';

// `$$` is an escaped dollar and must be skipped, hence the alternation.
const TOKEN = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[?])([^}]*))?\})/g;

/** Called for every value scalar by walk.ts. */
export function reportRequiredVariables(node: YScalar, env: Readonly<Record<string, string | undefined>>, r: Reporter): void {
  if (typeof node.value !== 'string' || !node.value.includes('${')) return;
  for (const m of node.value.matchAll(TOKEN)) {
    const [, name, op, message] = m;
    if (name === undefined || op === undefined) continue;
    const value = env[name];
    if (value !== undefined && !(op === ':?' && value === '')) continue;
    const why = op === ':?' ? 'is not set or empty' : 'is not set';
    const said = message ? `: ${message}` : '';
    r.at(node, 'required-variable', 'error', `Required variable ${name} ${why}${said}. Set it in the environment of docker stack deploy.`, { variable: name });
  }
}
