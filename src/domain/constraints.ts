// Placement constraints as swarmkit parses them: `<attribute> ==|!= <value>`.
import { closest } from './suggest';

const ATTRIBUTES = ['node.id', 'node.hostname', 'node.ip', 'node.role', 'node.platform.os', 'node.platform.arch'];
const LABELS = /^(node|engine)\.labels\.\S+$/i;

/**
 * Syntax errors fail the deploy; an unknown attribute or a node.role other than manager/worker deploys
 * (measured on a swarm: the engine only parses constraints) but the tasks stay Pending forever.
 */
export interface ConstraintProblem { message: string; suggestion?: string; severity: 'error' | 'warning' }

export interface Constraint { attr: string; op: '==' | '!='; value: string }

/** `<attribute> ==|!= <value>`, the one grammar swarmkit accepts; undefined when the text is not that. */
export function parseConstraint(text: string): Constraint | undefined {
  const m = /^\s*([^=!\s]+)\s*(==|!=)\s*(\S(?:.*\S)?)\s*$/.exec(text);
  if (!m) return undefined;
  const [, attr, op, value] = m;
  return { attr, op: op === '==' ? '==' : '!=', value };
}

export function checkConstraint(text: string): ConstraintProblem | undefined {
  const parsed = parseConstraint(text);
  if (!parsed) return { severity: 'error', message: `Constraint "${text}" must be "<attribute> == <value>" or "<attribute> != <value>".` };
  const { attr, op, value } = parsed;
  const lower = attr.toLowerCase();
  if (lower === 'node.role') {
    const role = value.toLowerCase();
    if (role === 'manager' || role === 'worker') return undefined;
    const suggestion = closest(role, ['manager', 'worker'], 3);
    return {
      severity: 'warning',
      message: `node.role can only be manager or worker, not "${value}": no node will ever match, so the tasks stay Pending.`,
      ...(suggestion ? { suggestion: `node.role ${op} ${suggestion}` } : {}),
    };
  }
  if (ATTRIBUTES.includes(lower) || LABELS.test(attr)) return undefined;
  const suggested = suggestAttribute(attr);
  const list = `${ATTRIBUTES.join(', ')}, node.labels.<name> or engine.labels.<name>`;
  return {
    severity: 'warning',
    message: `Unknown constraint attribute \`${attr}\`: no node will ever match, so the tasks stay Pending. Use ${list}.${suggested ? ` Did you mean \`${suggested}\`?` : ''}`,
    ...(suggested ? { suggestion: `${suggested} ${op} ${value}` } : {}),
  };
}

/** `node.label.zone` → `node.labels.zone`; `node.hostame` → `node.hostname`. */
function suggestAttribute(attr: string): string | undefined {
  const parts = /^(node|engine|nodes?)\.([a-z_]+)\.(.+)$/i.exec(attr);
  if (parts && closest(parts[2], ['labels']) !== undefined) {
    const scope = parts[1].toLowerCase().startsWith('node') ? 'node' : 'engine';
    return `${scope}.labels.${parts[3]}`;
  }
  return closest(attr, ATTRIBUTES);
}
