// ESLint flat config: typescript-eslint's recommended rules, zero warnings allowed (npm run lint).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.lab/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Plain CommonJS files (mocha reporter, tool configs) load with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The domain is pure: no editor, no Docker client. Operations too: they reach the Engine through
    // the write port (src/operations/ports.ts) and the user through the command runner.
    files: ['src/domain/**/*.ts', 'src/store/**/*.ts', 'src/stack/**/*.ts', 'src/stackLint/**/*.ts', 'src/yamlAst/**/*.ts', 'src/operations/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [
        { name: 'vscode', message: 'The domain, the store, the operations and the stack engine must not depend on VS Code.' },
        { name: 'dockerode', message: 'The domain, the store and the operations must not depend on dockerode; use the SwarmApi and SwarmWriteApi ports.' },
      ] }],
    },
  },
);
