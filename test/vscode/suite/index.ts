// The suites, in the order they run: activation first (it checks the extension is not active yet).
import { activationTests } from './activation.test';
import { connectionTests } from './connection.test';
import { logFloodTests } from './logFlood.test';
import { logsShellTests } from './logsShell.test';
import { operationsTests } from './operations.test';
import { stackLanguageTests } from './stackLanguage.test';
import { treeTests } from './tree.test';

// The connection suite changes the endpoint settings: it runs last and puts them back.
export const SUITES: readonly (() => void)[] = [activationTests, treeTests, stackLanguageTests, operationsTests, logsShellTests, logFloodTests, connectionTests];
