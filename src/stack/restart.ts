// What a compose `restart:` becomes in a swarm service (docker/cli's convertRestartPolicy and
// ParseRestartPolicy, read from source; measured with CLI 28.2.2 on a swarm): the CLI warns "Ignoring
// unsupported options: restart", yet when `deploy.restart_policy` is absent it uses the value.

export type RestartEffect =
  /** `no` (or empty): no policy is sent, so swarm's default applies — condition any, forever. */
  | { readonly kind: 'default' }
  | { readonly kind: 'any' }
  /** maxAttempts 0: unlimited. */
  | { readonly kind: 'on-failure'; readonly maxAttempts: number }
  | { readonly kind: 'error'; readonly message: string };

export function restartEffect(value: string): RestartEffect {
  const colon = value.indexOf(':');
  const name = colon < 0 ? value : value.slice(0, colon);
  const count = colon < 0 ? '' : value.slice(colon + 1);
  if (colon === 0) return { kind: 'error', message: 'invalid restart policy format: no policy provided before colon' };
  if (count !== '' && !/^[-+]?[0-9]+$/.test(count)) return { kind: 'error', message: 'invalid restart policy format: maximum retry count must be an integer' };
  if (name === '' || name === 'no') return { kind: 'default' };
  if (name === 'always' || name === 'unless-stopped') return { kind: 'any' };
  if (name === 'on-failure') return { kind: 'on-failure', maxAttempts: count === '' ? 0 : Number(count) };
  return { kind: 'error', message: `unknown restart policy: ${value}` };
}
