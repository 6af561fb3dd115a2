// `data.suggestion` fixes: replace the diagnostic's range (a key or a value) with the suggestion.
import type { StackDiagnostic } from '../types';
import type { QuickFix } from './types';

export function changeFixes(diagnostic: StackDiagnostic): QuickFix[] {
  const suggestion = diagnostic.data?.suggestion;
  if (suggestion === undefined || suggestion === '') return [];
  return [{ title: `Change to \`${suggestion}\``, edits: [{ range: diagnostic.range, newText: suggestion }], isPreferred: true }];
}
