// Lint, run by `npm test` (npm run lint): typescript-eslint's recommended rules, with what the
// codebase's own conventions need: `_`-prefixed names may go unused (destructuring to drop a field).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', '.bench/', 'coverage/', '**/*.js', '!eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests, benches and the scripts' HTTP client read answers of any shape.
    files: ['test/**/*.ts', '**/*.spec.ts', '**/*.e2e.ts', 'bench/**/*.ts', 'apps/cli/src/world/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
