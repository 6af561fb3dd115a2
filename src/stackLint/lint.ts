// Entry point: parse once, then run each pass over the same tree.
import { get, parseYaml, type YMap } from '../yamlAst';
import { checkConstraintAgainstCluster, checkExternals } from './cluster';
import { externalRefs, parseLabelConstraint } from './externals';
import { checkReferences } from './references';
import { Reporter } from './report';
import { SchemaChecker } from './schemaCheck';
import { checkSwarmRules } from './swarmRules';
import { reportDuplicateKeys, reportYamlErrors } from './syntax';
import { LintContext, StackDiagnostic } from './types';
import { reportRequiredVariables } from './variables';
import { walk } from './walk';
import { checkVersion } from './version';
import { declaredMinor } from './versionGates';
import { Doc } from './yamlAccess';

export function lintStack(text: string, context: LintContext = {}): StackDiagnostic[] {
  const parsed = parseYaml(text);
  const r = new Reporter(text);
  reportYamlErrors(parsed, r);
  const env = context.env;
  walk(parsed.root, {
    map: (m) => reportDuplicateKeys(m, r),
    valueScalar: env ? (s) => reportRequiredVariables(s, env, r, context.dotenv, text) : undefined,
  });
  const root = parsed.root;
  if (root?.kind === 'map') checkRoot(root, text, new Doc(parsed.anchors), context, r);
  return r.diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function checkRoot(root: YMap, text: string, doc: Doc, context: LintContext, r: Reporter): void {
  checkVersion(root, text, r);
  const version = get(root, 'version');
  new SchemaChecker(r, declaredMinor(version?.kind === 'scalar' ? version.value : undefined)).checkObject(root, 'top', '');
  const services = doc.eachService(root);
  const cluster = context.cluster;
  checkSwarmRules(services, doc, r, cluster ? (item, value, service) => {
    const c = parseLabelConstraint(service, value);
    if (c) checkConstraintAgainstCluster(item, c, cluster, r);
  } : undefined);
  checkReferences(root, services, doc, context, r);
  if (cluster) checkExternals(externalRefs(root, doc), cluster, r);
}
