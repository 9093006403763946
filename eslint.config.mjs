// @ts-check
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'libs/sdk/dist/', 'node_modules/', 'coverage/', '.datahub/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Public surface of a lib is its index.ts: no deep imports across libs.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@app/*/*'], message: 'Import a lib through its index (@app/<lib>).' }] },
      ],
    },
  },
  {
    // The SDK is its own npm package: fetch only, nothing from the server or Node.
    files: ['libs/sdk/src/**/*.ts'],
    ignores: ['libs/sdk/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', '@app/*', 'node:*', '../../*'], message: 'The SDK depends on nothing but fetch.' },
          ],
        },
      ],
    },
  },
  {
    // The CLI reaches the server through the SDK only.
    files: ['apps/cli/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@nestjs/*', '@app/*'], message: 'The CLI talks to the server through @datahub/sdk.' }],
        },
      ],
    },
  },
  {
    // The console is a browser page that talks to the server through @datahub/sdk only.
    files: ['apps/console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', '@app/*', 'node:*'],
              message: 'The console uses the public API, through @datahub/sdk.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
