// The extension-host test entry, with @vscode/test-electron's contract: `run(): Promise<void>`,
// resolved when every test passed. The same suite runs under two runners: the code-server VS Code
// server here (scripts/vscode-host/runTests.ts, the default of `npm test`) and @vscode/test-electron
// on machines that can download VS Code (test/vscode/runElectron.ts).
//
// The extension host forwards console output to the workbench unformatted, so mocha's lines are
// formatted here and tagged for the code-server runner to pick out; counts go to a JSON file.
import * as fs from 'node:fs';
import * as util from 'node:util';
import Mocha from 'mocha';
import { SUITES } from './suite';

export const LOG_TAG = '[swarm-test] ';

export function run(): Promise<void> {
  const resultFile = process.env['SWARM_VSCODE_RESULT'];
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => { console.log(LOG_TAG + util.format(...args)); };
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', grep: process.env['SWARM_VSCODE_GREP'] });
  for (const define of SUITES) {
    mocha.suite.emit('pre-require', globalThis, 'suite', mocha);
    define();
  }
  return new Promise((resolve, reject) => {
    const counts = { passed: 0, failed: 0, pending: 0, failures: [] as string[] };
    const runner = mocha.run((failures) => {
      if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(counts));
      Mocha.reporters.Base.consoleLog(`${counts.passed} passed, ${counts.failed} failed`);
      if (failures > 0) reject(new Error(`${failures} tests failed`)); else resolve();
    });
    runner.on('pass', () => { counts.passed++; });
    runner.on('fail', (t, err: unknown) => { counts.failed++; counts.failures.push(`${t.fullTitle()}: ${String(err)}`); });
    runner.on('pending', () => { counts.pending++; });
  });
}
