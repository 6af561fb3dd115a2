// Shared helpers of the stack-lint unit tests: exact ranges, one-diagnostic expectations, a one-service stack.
import assert from 'node:assert/strict';
import { lintStack, type LintContext, type Range, type Severity, type StackDiagnostic } from '../../src/stackLint';

export const range = (l1: number, c1: number, l2: number, c2: number): Range =>
  ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

export function expectOne(text: string, code: string, severity: Severity, r: Range, ctx?: LintContext): StackDiagnostic {
  const found = lintStack(text, ctx).filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(found)}`);
  const [first] = found as [StackDiagnostic];
  assert.equal(first.severity, severity);
  assert.deepEqual(first.range, r);
  return first;
}

export const codes = (text: string, ctx?: LintContext): string[] => lintStack(text, ctx).map((d) => d.code);

/** A one-service stack; `body` lines start at line 3, indented 4 spaces. */
export const svc = (body: string, tail = ''): string => `services:\n  web:\n    image: nginx\n${body}${tail}`;
