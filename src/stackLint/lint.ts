// Entry point: parse once, then run each pass over the same AST.
import { LineCounter, isMap, parseDocument } from 'yaml';
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

export function lintStack(text: string, context: LintContext = {}): StackDiagnostic[] {
  const lineCounter = new LineCounter();
  // uniqueKeys: false so duplicates don't abort parsing; syntax.ts reports them with positions.
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false, prettyErrors: false, merge: true });
  const r = new Reporter(lineCounter, text);
  reportYamlErrors(doc, r);
  const env = context.env;
  walk(doc.contents, {
    map: (m) => reportDuplicateKeys(m, r),
    valueScalar: env ? (s) => reportRequiredVariables(s, env, r) : undefined,
  });
  const root: unknown = doc.contents;
  if (isMap(root)) {
    checkVersion(root, text, r);
    new SchemaChecker(r, declaredMinor(root.get('version'))).checkObject(root, 'top', '');
    checkSwarmRules(root, doc, r);
    checkReferences(root, doc, context, r);
  }
  return r.diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
