// Mocha root hooks: bring the real swarm up once before all integration tests, down after.
import { lab } from '../support/lab';

export const mochaHooks = {
  beforeAll(this: Mocha.Context): void {
    this.timeout(300_000);
    lab.ensure();
  },
  afterAll(this: Mocha.Context): void {
    this.timeout(120_000);
    lab.teardown();
  },
};
