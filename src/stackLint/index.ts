// Pure core of the stack-file linter: no editor, no Docker, no file system.
export { lintDocument, lintStack } from './lint';
export type { LabelConstraint } from './externals';
export type { ClusterFacts, LintContext, Position, Range, Severity, StackDiagnostic } from './types';
export { CODES, phaseOf, type DiagnosticCode, type Phase } from './codes';
export { parseDotenv } from './dotenv';
