// Who uses a secret, a config or a network: the services whose spec refers to it. SwarmKit refuses
// to remove one while a service refers to it ("secret 'x' is in use by the following service: web",
// "network … is in use by service …"); saying so first, with the names, spares the user a round
// trip and tells them what to change. Pure.
import type { Config, Network, Secret, Service } from '../model';

export type UsedKind = 'secret' | 'config' | 'network';

export function servicesUsingSecret(services: readonly Service[], secret: Pick<Secret, 'name'>): Service[] {
  return byName(services.filter((s) => s.secretNames.includes(secret.name)));
}

export function servicesUsingConfig(services: readonly Service[], config: Pick<Config, 'name'>): Service[] {
  return byName(services.filter((s) => s.configNames.includes(config.name)));
}

/** A service's attachment names the network by id (what the CLI sends) or, through the API, by name. */
export function servicesUsingNetwork(services: readonly Service[], network: Pick<Network, 'id' | 'name'>): Service[] {
  return byName(services.filter((s) => s.networkIds.includes(network.id) || s.networkIds.includes(network.name)));
}

function byName(services: Service[]): Service[] {
  return services.sort((a, b) => a.name.localeCompare(b.name));
}

/** `a`, `a and b`, `a, b and c`. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const FLAG: Readonly<Record<UsedKind, string>> = { secret: '--secret-rm', config: '--config-rm', network: '--network-rm' };

/** Why it cannot be removed, or undefined when nothing uses it. */
export function removalRefusal(kind: UsedKind, name: string, users: readonly Service[]): string | undefined {
  if (users.length === 0) return undefined;
  const names = users.map((s) => s.name);
  const count = users.length === 1 ? 'service' : `${users.length} services`;
  const rotate = kind === 'network' ? '' : `, or use Rotate ${kind}… to move them to a new one`;
  return `The ${kind} ${name} is used by ${count}: ${listNames(names)}. Remove it from `
    + `${users.length === 1 ? 'that service' : 'them'} first ("docker service update ${FLAG[kind]} ${name} ${names[0]}")${rotate}.`;
}
