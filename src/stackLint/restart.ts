// `restart:` says one thing and does another: the CLI prints "Ignoring unsupported options: restart",
// but without `deploy.restart_policy` it becomes the service's restart policy — and `restart: "no"`
// leaves swarm's default (condition any), so tasks restart forever against the author's intent.
import type { Service } from '../stack/model';
import { restartEffect } from '../stack/restart';
import type { Reporter } from './report';

export function checkRestart(svc: Service, r: Reporter): void {
  const restart = svc.restart;
  const entry = svc.map.entry('restart');
  if (!restart || !entry || restart.unknown) return;
  const path = `services.${svc.name}.restart`;
  if (svc.deploy.restartPolicy) {
    r.at(entry.keyNode, 'restart-ignored', 'warning', `\`${path}\` has no effect: \`deploy.restart_policy\` is set, and the CLI then ignores \`restart\`. Remove it.`, { key: 'restart' });
    return;
  }
  const e = restartEffect(restart.value);
  const said = `\`${path}\`: the CLI prints "Ignoring unsupported options: restart", but`;
  switch (e.kind) {
    case 'error':
      r.at(restart.node, 'invalid-value', 'error', `\`${path}\` "${restart.value}": docker stack deploy fails (${e.message}). Use no, always, unless-stopped, on-failure or on-failure:N — better, deploy.restart_policy.`);
      return;
    case 'default':
      r.at(entry.keyNode, 'restart-ignored', 'warning', `${said} \`restart: ${restart.value || '""'}\` is dropped: the tasks get swarm's default policy, condition any, and restart after every exit, forever. To stop restarts, set deploy.restart_policy.condition: none.`, { key: 'restart' });
      return;
    case 'any':
      r.at(entry.keyNode, 'restart-ignored', 'warning', `${said} it uses \`restart: ${restart.value}\`: the service gets restart policy condition any (restart after every exit). Say so in deploy.restart_policy.`, { key: 'restart' });
      return;
    case 'on-failure':
      r.at(entry.keyNode, 'restart-ignored', 'warning', `${said} it uses \`restart: ${restart.value}\`: the service gets restart policy condition on-failure, ${e.maxAttempts > 0 ? `max_attempts ${e.maxAttempts}` : 'with unlimited attempts'}. Say so in deploy.restart_policy.`, { key: 'restart' });
  }
}
