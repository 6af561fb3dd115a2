// swarm.service.create: a guided multi-step input (name, image, mode and replicas, command, ports,
// environment, networks, secrets, a placement constraint), each step validated as it is typed; the
// confirmation shows the equivalent `docker service create …`.
import type { CreateServiceInput } from '../../domain/serviceCreate';
import { parsePorts, splitArgs, validateConstraint, validateEnv, validateImage, validateReplicas, validateServiceName } from '../../domain/validate/serviceInput';
import type { OperationContext } from '../../operations/operation';
import { createService as create } from '../../operations/service/create';
import { askText, pickMany, pickOne, pickOrType } from '../prompts';
import { swarmAction } from '../runner';

const STEPS = 10;
const title = (n: number, what: string): string => `Create service (${n}/${STEPS}): ${what}`;

async function askEnv(): Promise<string[] | undefined> {
  const env: string[] = [];
  for (;;) {
    const text = await askText({ title: title(7, 'environment'), prompt: env.length > 0 ? `Set: ${env.join(' ')}. Another NAME=value, or Enter to go on` : 'NAME=value, or Enter for none',
      validate: (t) => (t.trim() === '' ? undefined : validateEnv(t)) });
    if (text === undefined) return undefined;
    if (text.trim() === '') return env;
    env.push(text.trim());
  }
}

function constraintSuggestions(ctx: OperationContext): string[] {
  const nodes = ctx.view.all('node');
  const labels = [...new Set(nodes.flatMap((n) => Object.entries(n.labels).map(([k, v]) => `node.labels.${k}==${v}`)))];
  return ['node.role==worker', 'node.role==manager', ...labels, ...nodes.map((n) => `node.hostname==${n.hostname}`)];
}

async function ask(ctx: OperationContext): Promise<CreateServiceInput | undefined> {
  const taken = ctx.view.all('service').map((s) => s.name);
  const name = await askText({ title: title(1, 'name'), prompt: 'Service name (a DNS label: letters, digits, - and _)', validate: (t) => validateServiceName(t, taken) });
  if (name === undefined) return undefined;
  const tags = await ctx.api.imageTags().catch(() => [] as readonly string[]);
  const image = await pickOrType({ title: title(2, 'image'), placeholder: 'Pick an image on the engine, or type a reference',
    items: tags.map((t) => ({ label: t, value: t })), fromText: (t) => t, validate: validateImage });
  if (image === undefined) return undefined;
  const kind = await pickOne(title(3, 'mode'), 'Replicated or global', [
    { label: 'Replicated', detail: 'A number of tasks, placed by the scheduler', value: 'replicated' as const },
    { label: 'Global', detail: 'One task on every eligible node', value: 'global' as const },
  ]);
  if (kind === undefined) return undefined;
  let mode: CreateServiceInput['mode'] = { kind: 'global' };
  if (kind === 'replicated') {
    const replicas = await askText({ title: title(4, 'replicas'), prompt: 'Replicas (0–1000)', value: '1', validate: validateReplicas });
    if (replicas === undefined) return undefined;
    mode = { kind: 'replicated', replicas: Number(replicas.trim()) };
  }
  const command = await askText({ title: title(5, 'command'), prompt: 'Command and arguments (Enter: the image\'s own)', placeholder: 'e.g. sleep 3600',
    validate: (t) => { const r = splitArgs(t); return typeof r === 'string' ? r : undefined; } });
  if (command === undefined) return undefined;
  const portsText = await askText({ title: title(6, 'published ports'), prompt: 'Ports, space-separated (Enter: none)', placeholder: '8080:80  53:53/udp  published=9000,target=9000,mode=host',
    validate: (t) => { const r = parsePorts(t); return typeof r === 'string' ? r : undefined; } });
  if (portsText === undefined) return undefined;
  const env = await askEnv();
  if (env === undefined) return undefined;
  const overlays = ctx.view.all('network').filter((n) => n.scope === 'swarm' && !n.ingress);
  const networks = overlays.length === 0 ? [] : await pickMany(title(8, 'networks'), 'Networks to attach (none: Enter)', overlays.map((n) => ({ label: n.name, description: n.driver, value: { id: n.id, name: n.name } })));
  if (networks === undefined) return undefined;
  const known = ctx.view.all('secret');
  const secrets = known.length === 0 ? [] : await pickMany(title(9, 'secrets'), 'Secrets to give it, under /run/secrets/<name> (none: Enter)', known.map((s) => ({ label: s.name, value: { id: s.id, name: s.name } })));
  if (secrets === undefined) return undefined;
  const constraint = await pickOrType({ title: title(10, 'placement constraint'), placeholder: 'Pick or type <attribute> ==|!= <value>, or pick none',
    items: [{ label: 'None', description: 'any node', value: '' }, ...constraintSuggestions(ctx).map((c) => ({ label: c, value: c }))],
    fromText: (t) => t, validate: validateConstraint });
  if (constraint === undefined) return undefined;
  const args = splitArgs(command);
  const ports = parsePorts(portsText);
  return { name: name.trim(), image: image.trim(), mode, args: typeof args === 'string' ? [] : args, ports: typeof ports === 'string' ? [] : ports,
    env, networks, secrets, constraint: constraint.trim() || undefined };
}

export const createService = swarmAction<CreateServiceInput>({ ask, operation: (ctx, input) => create(ctx, input) });
