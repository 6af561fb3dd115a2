// Service keys `docker stack deploy` ignores (it warns "Ignoring unsupported options"), `depends_on`
// (dropped without a word) and `restart:`, which the CLI says it ignores and then uses (restart.ts).
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
    checkRestart(svc, r);
  }
}
