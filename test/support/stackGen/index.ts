// The stack-file generator: realistic valid stacks and the CLI corpus, edited by schema-aware
// mutations (mutations.ts), written in varied YAML styles, then sometimes edited as text (CRLF, BOM,
// tabs, several documents, random characters). Deterministic for a seed: a failure replays.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mutate, prng } from '../mutate';
import { BASES } from './bases';
import { emit } from './emit';
import { fromYaml } from './fromYaml';
import { chance, pick, type M, type Rnd } from './model';
import { OPS, OP_NAMES } from './mutations';
import { ENV } from './values';

export interface GeneratedCase {
  readonly name: string;
  readonly text: string;
  /** The variables the CLI and the linter see. */
  readonly env: Readonly<Record<string, string>>;
  /** What was done to the base, for the report. */
  readonly recipe: string;
}

const CORPUS = path.join(__dirname, '..', '..', 'stack-corpus', 'cases');

/** The texts the generator starts from: the realistic bases, then the corpus files. */
export function seedTexts(): string[] {
  const corpus = fs.readdirSync(CORPUS).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'));
  return [...BASES, ...corpus];
}

const OTHER_DOCS = ['---\nservices:\n  other:\n    image: redis\n', '---\nfoo: [bar\n', '---\n\tx: 1\n', '...\n', '---\n"unterminated\n', '--- # c\nversion: 3\n', '---\n'];

function textEdit(text: string, rnd: Rnd): [string, string] {
  switch (Math.floor(rnd() * 7)) {
    case 0: return [text.replace(/\n/g, '\r\n'), 'crlf'];
    case 1: return ['\ufeff' + text, 'bom'];
    case 2: {
      const lines = text.split('\n');
      const i = Math.floor(rnd() * lines.length);
      lines[i] = (lines[i] ?? '').replace(/^( +)/, (s) => pick(rnd, ['\t', `${s}\t`, `\t${s.slice(1)}`]));
      return [lines.join('\n'), 'tab'];
    }
    case 3: return [text + pick(rnd, OTHER_DOCS), 'documents'];
    case 4: return [pick(rnd, ['---\n', '--- \n', '%YAML 1.1\n---\n', '# top comment\n---\n']) + text, 'start-marker'];
    case 5: return [text.replace(/: (\S+)$/m, ':\t$1'), 'tab-after-colon'];
    default: return [text.replace(/\n/g, '\r\n').replace(/\r\n([^\r\n]*)$/, '\n$1'), 'mixed-eol'];
  }
}

/** A base: mostly the realistic stacks, then the corpus files the CLI accepts, sometimes any corpus file. */
function pickBase(seeds: readonly string[], valid: readonly number[], rnd: Rnd): number {
  const r = rnd();
  if (r < 0.6) return Math.floor(rnd() * BASES.length);
  if (r < 0.85) return pick(rnd, valid);
  return Math.floor(rnd() * seeds.length);
}

function oneCase(seeds: readonly string[], models: readonly (M | undefined)[], valid: readonly number[], rnd: Rnd): { text: string; recipe: string } {
  const i = pickBase(seeds, valid, rnd);
  const base = models[i];
  const roll = rnd();
  if (roll < 0.05 || !base) {
    // Random characters, as a person typing (mostly YAML the CLI cannot read, or can in its own way).
    return { text: mutate(seeds[i] ?? '', rnd), recipe: `base ${i}: random text edits` };
  }
  const doc = base.clone();
  const applied: string[] = [];
  const n = roll < 0.2 ? 0 : roll < 0.7 ? 1 : roll < 0.92 ? 2 : 3;
  for (let k = 0; k < n; k++) {
    const op = pick(rnd, OP_NAMES);
    OPS[op]?.(doc, rnd);
    applied.push(op);
  }
  let text = emit(doc, { unit: chance(rnd, 0.8) ? 2 : 4, rnd, seqIndent: chance(rnd, 0.7) });
  if (chance(rnd, 0.15)) {
    const [edited, what] = textEdit(text, rnd);
    text = edited;
    applied.push(what);
  }
  return { text, recipe: `base ${i}: ${applied.join(', ') || 'as is'}` };
}

/** `count` cases for `seed`. */
export function generateCases(seed: number, count: number): GeneratedCase[] {
  const rnd = prng(seed);
  const seeds = seedTexts();
  const models = seeds.map(fromYaml);
  // Corpus files the CLI accepted (by their verdicts): good starting points for edits.
  const verdicts = JSON.parse(fs.readFileSync(path.join(CORPUS, '..', 'verdicts.json'), 'utf8')) as { cases: { file: string; expect: string }[] };
  const files = fs.readdirSync(CORPUS).filter((f) => /\.ya?ml$/.test(f)).sort();
  const valid = files.flatMap((f, k) => (verdicts.cases.some((c) => c.file === f && c.expect !== 'rejected') ? [BASES.length + k] : []));
  return Array.from({ length: count }, (_, i) => {
    const { text, recipe } = oneCase(seeds, models, valid, rnd);
    return { name: `case-${i}`, text, env: ENV, recipe };
  });
}
