// Mocha root hooks: suites bring up the labs they need (test/support/lab.ts); all go down after the run.
import { labs } from '../support/lab';

export const mochaHooks = {
  afterAll(this: Mocha.Context): void {
    this.timeout(180_000);
    labs.teardownAll();
  },
};
