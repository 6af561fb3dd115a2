// Mocha reporter: the usual spec output, plus the counts written to $SWARM_TEST_SUMMARY (JSON) so that
// scripts/test.mjs can print one `N passed, N failed` line summed over every suite.
'use strict';
const fs = require('node:fs');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const counts = { passed: 0, failed: 0, pending: 0 };
    runner.on('pass', () => { counts.passed++; });
    runner.on('fail', () => { counts.failed++; });
    runner.on('pending', () => { counts.pending++; });
    runner.once('end', () => {
      const file = process.env.SWARM_TEST_SUMMARY;
      if (file) fs.writeFileSync(file, JSON.stringify(counts));
    });
  }
}

module.exports = SummaryReporter;
