// Service keys `docker stack deploy` ignores (it warns "Ignoring unsupported options"), `depends_on`
// and a bind mount's `create_host_path` (dropped without a word) and `restart:`, which the CLI says it
// ignores and then uses (restart.ts).
import type { StackModel } from '../stack/model';
import type { Reporter } from './report';
import { checkRestart } from './restart';
import { IGNORED_SERVICE } from './swarmKeys';

export function checkServiceKeys(model: StackModel, r: Reporter): void {
  for (const svc of model.services) {
    for (const e of svc.map.entries) {
      const hint = IGNORED_SERVICE[e.key];
      if (hint !== undefined) r.at(e.keyNode, 'ignored-key', 'warning', `\`services.${svc.name}.${e.key}\` is ignored by docker stack deploy: ${hint}.`, { key: e.key });
    }
    const dep = svc.map.entry('depends_on');
    if (dep && !dep.merged) {
      r.at(dep.keyNode, 'depends-on-ignored', 'info', `The CLI silently ignores \`services.${svc.name}.depends_on\`: swarm starts services in any order; make services retry their dependencies.`);
    }
    svc.volumes.forEach((m, i) => {
      const bind = m.map?.get('bind');
      const chp = bind?.kind === 'map' ? bind.entry('create_host_path') : undefined;
      if (chp && !chp.merged) {
        // CLI 28.2.2 has no such field and drops it; on the lab a missing source then fails every task.
        r.at(chp.keyNode, 'ignored-key', 'warning', `\`services.${svc.name}.volumes[${i}].bind.create_host_path\` is dropped by docker stack deploy: swarm never creates a bind mount's source, so the path must exist on every node that may run the task (tasks are rejected with "bind source path does not exist" otherwise).`, { key: 'create_host_path' });
      }
    });
    checkRestart(svc, r);
  }
}
