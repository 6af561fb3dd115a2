// Interpolation problems (src/stack/interpolate.ts finds them): a bad `$`, a missing `${VAR:?}`, an
// interpolated value that is not the type its key needs, and the CLI's quiet pass when a later
// template in the same value succeeds.
import type { Cast, InterpolationIssue } from '../stack/interpolate';
import type { TemplateError } from '../stack/template';
import type { YScalar } from '../yamlAst';
import type { Reporter } from './report';
import type { LintContext } from './types';

const CAST_TEXT: Readonly<Record<Cast, string>> = { int: 'integer', float: 'number', bool: 'boolean (true/false, yes/no, on/off)' };

/** Where `${...}` stands in the source: exact when the scalar's text is its value (plain, or quoted without escapes); else the whole scalar. */
function tokenSpan(node: YScalar, e: TemplateError, text: string): [number, number] {
  const raw = text.slice(node.start, node.end);
  const inner = node.style === 'quoted' ? raw.slice(1, -1) : raw;
  if (inner !== node.text) return [node.start, node.end];
  const at = node.start + (node.style === 'quoted' ? 1 : 0) + e.index;
  return [at, at + e.length];
}

function missing(e: TemplateError, ctx: LintContext): string {
  const name = e.variable ?? '';
  const why = e.op === ':?' ? 'is not set or empty' : 'is not set';
  const said = e.message ? `: ${e.message}` : '';
  const next = ctx.dotenv && ctx.dotenv[name] !== undefined
    ? 'It is in the .env file beside the stack file, but docker stack deploy does not read .env files: export it first (set -a; . ./.env; set +a).'
    : 'Set it in the environment of docker stack deploy.';
  return `Required variable ${name} ${why}${said}. ${next}`;
}

export function reportInterpolation(issues: readonly InterpolationIssue[], text: string, ctx: LintContext, r: Reporter): void {
  for (const i of issues) {
    const span = (e: TemplateError) => tokenSpan(i.node, e, text);
    if (i.kind === 'bad-template' && i.error) {
      const [s, e] = span(i.error);
      r.add('bad-template', 'error', `\`${i.path}\`: \`${text.slice(s, e) || '$'}\` starts no template the CLI knows (\`$VAR\`, \`\${VAR}\`, \`\${VAR:-default}\`, \`\${VAR:?message}\`): write \`$$\` for a literal \`$\`.`, s, e);
    } else if (i.kind === 'required-variable' && i.error) {
      const [s, e] = span(i.error);
      r.add('required-variable', 'error', missing(i.error, ctx), s, e, { variable: i.error.variable ?? '' });
    } else if (i.kind === 'bad-cast') {
      r.at(i.node, 'bad-cast', 'error', `\`${i.path}\` is "${i.value ?? ''}" once interpolated, which the CLI cannot read as the ${CAST_TEXT[i.cast ?? 'int']} it needs.`);
    } else if (i.kind === 'cleared-template') {
      for (const c of i.cleared ?? []) {
        const [s, e] = span(c);
        const what = c.kind === 'required-variable' ? `required variable ${c.variable ?? ''} is missing (it becomes empty)` : `\`${text.slice(s, e)}\` starts no template (it is dropped)`;
        r.add('cleared-template', 'warning', `In \`${i.path}\`, ${what}, yet the CLI does not stop: a later template in the same value succeeded, and it keeps only the last error.`, s, e);
      }
    }
  }
}
