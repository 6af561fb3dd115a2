// Quick fixes for stack-file diagnostics: pure (text + diagnostic in, edits out), dispatched by code.
import type { StackDiagnostic } from '../types';
import { changeFixes } from './change';
import { defineFixes } from './define';
import { fixDoc, type FixDoc } from './locate';
import { removeFixes } from './remove';
import { resourceFixes } from './resources';
import { restartFixes } from './restart';
import type { QuickFix } from './types';

export type { QuickFix, TextEdit } from './types';

export function quickFixesFor(text: string, diagnostic: StackDiagnostic): QuickFix[] {
  let parsed: FixDoc | undefined;
  const doc = (): FixDoc => (parsed ??= fixDoc(text)); // parsed once, and only for fixes that need the structure
  switch (diagnostic.code) {
    case 'unknown-key':
    case 'bad-enum':
    case 'wrong-type':
    case 'bad-version':
      return changeFixes(diagnostic);
    case 'ignored-key':
      // restartFixes includes its own "Remove `restart`".
      if (diagnostic.data?.key === 'restart') {
        const fixes = restartFixes(doc(), diagnostic);
        if (fixes.length > 0) return fixes;
      }
      return removeFixes(doc(), diagnostic);
    case 'unsupported-key':
      return [...resourceFixes(doc(), diagnostic), ...removeFixes(doc(), diagnostic)];
    case 'extends-unsupported':
      return removeFixes(doc(), diagnostic);
    case 'undefined-network':
    case 'undefined-secret':
    case 'undefined-config':
    case 'undefined-volume':
      return defineFixes(doc(), diagnostic);
    default:
      return [];
  }
}

