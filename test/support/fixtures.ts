// Loads the JSON fixtures captured from a real engine by scripts/capture-fixtures.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function fixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8'));
}

export function fixtureList(name: string): unknown[] {
  const data = fixture(name);
  if (!Array.isArray(data)) throw new Error(`fixture ${name} is not an array`);
  return data;
}
