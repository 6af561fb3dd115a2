// Entry point: read the file once (src/stack: YAML tree, merged document, interpolation, model), then
// run each pass over that one reading, in the order the CLI meets the problems.
import { readStack, type StackDocument } from '../stack/document';
import { LATEST_MINOR } from '../stack/version';
import { checkConstraintAgainstCluster, checkExternals } from './cluster';
import { externalRefs, parseLabelConstraint } from './externals';
import { checkLoad } from './loadChecks';
import { checkNetworkDrivers } from './networkDrivers';
import { checkReferences } from './references';
import { Reporter } from './report';
import { composeSchema } from './schema';
import { SchemaChecker } from './schemaCheck';
import { checkServiceKeys } from './serviceKeys';
import { checkSwarmRules } from './swarmRules';
import { reportTreeIssues, reportYamlErrors } from './syntax';
import { reportInterpolation } from './templates';
import type { LintContext, StackDiagnostic } from './types';
import { checkVersion } from './version';

export function lintStack(text: string, context: LintContext = {}): StackDiagnostic[] {
  return lintDocument(readStack(text, context.env), context);
}

/** The diagnostics of a document already read (the editor reads each version once). */
export function lintDocument(doc: StackDocument, context: LintContext = {}): StackDiagnostic[] {
  const r = new Reporter(doc.lines);
  reportYamlErrors(doc.yaml, doc.text, r);
  reportTreeIssues(doc.tree.issues, r);
  const { interpolated, model } = doc;
  if (doc.tree.root && interpolated && model) {
    checkVersion(doc, r);
    reportInterpolation(interpolated.issues, doc.text, context, r);
    new SchemaChecker(r, doc.version.minor ?? LATEST_MINOR).check(interpolated.root, composeSchema(doc.version.minor ?? LATEST_MINOR));
    checkLoad(doc, context, r);
    const cluster = context.cluster;
    checkSwarmRules(model, r, cluster ? (item, value, service) => {
      const c = parseLabelConstraint(service, value);
      if (c) checkConstraintAgainstCluster(item, c, cluster, r);
    } : undefined);
    checkReferences(model, context, r);
    checkNetworkDrivers(model, cluster, r);
    checkServiceKeys(model, r);
    if (cluster) checkExternals(externalRefs(model), cluster, r);
  }
  return r.diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
