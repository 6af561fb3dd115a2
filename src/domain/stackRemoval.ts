// What "Remove stack" removes: everything labelled with the stack's namespace, as `docker stack rm`
// finds it (docker/cli cli/command/stack/swarm/remove.go lists services, networks, secrets and
// configs by the label com.docker.stack.namespace). Services go first, so nothing uses the rest
// any more; then networks, secrets and configs. Pure.
import { STACK_NAMESPACE_LABEL, stackOf, type Config, type Network, type Secret, type Service, type Task } from './model';
import { listNames } from './resources/usage';

export interface StackContents {
  readonly namespace: string;
  readonly services: readonly Service[];
  readonly networks: readonly Network[];
  readonly secrets: readonly Secret[];
  readonly configs: readonly Config[];
}

interface Everything {
  readonly services: readonly Service[];
  readonly networks: readonly Network[];
  readonly secrets: readonly Secret[];
  readonly configs: readonly Config[];
}

function inStack<T extends { readonly name: string; readonly labels: Readonly<Record<string, string>> }>(list: readonly T[], ns: string): T[] {
  return list.filter((o) => stackOf(o.labels) === ns).sort((a, b) => a.name.localeCompare(b.name));
}

export function stackContents(namespace: string, all: Everything): StackContents {
  return {
    namespace,
    services: inStack(all.services, namespace),
    networks: inStack(all.networks, namespace),
    secrets: inStack(all.secrets, namespace),
    configs: inStack(all.configs, namespace),
  };
}

export function isEmptyStack(c: StackContents): boolean {
  return c.services.length + c.networks.length + c.secrets.length + c.configs.length === 0;
}

function count(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** "2 services, 1 network, 1 secret and 0 configs". */
export function describeContents(c: StackContents): string {
  return listNames([count(c.services.length, 'service'), count(c.networks.length, 'network'),
    count(c.secrets.length, 'secret'), count(c.configs.length, 'config')]);
}

/** Tasks of the stack's services that are running or on their way (they stop when it is removed). */
export function liveTasks(c: StackContents, tasks: readonly Task[]): Task[] {
  const ids = new Set(c.services.map((s) => s.id));
  return tasks.filter((t) => ids.has(t.serviceId) && t.desiredState === 'running');
}

export function stackRemovalConfirmation(c: StackContents, tasks: readonly Task[], cluster: string): { message: string; detail: string } {
  const live = liveTasks(c, tasks).length;
  const lines = [
    `Removes ${describeContents(c)}: everything labelled ${STACK_NAMESPACE_LABEL}=${c.namespace}.`,
    c.services.length > 0 ? `Services: ${listNames(c.services.map((s) => s.name))} (${count(live, 'running task')} will stop).` : '',
    c.networks.length > 0 ? `Networks: ${listNames(c.networks.map((n) => n.name))}.` : '',
    c.secrets.length > 0 ? `Secrets: ${listNames(c.secrets.map((s) => s.name))}.` : '',
    c.configs.length > 0 ? `Configs: ${listNames(c.configs.map((s) => s.name))}.` : '',
    'This cannot be undone: deploying the stack again re-creates them (secrets and configs from their files).',
  ];
  return { message: `Remove stack ${c.namespace} from ${cluster}?`, detail: lines.filter(Boolean).join('\n') };
}
