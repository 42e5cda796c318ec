import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** The core stays pure: it runs in Node, workers and tests alike. */
const coreBoundary = {
  files: ['src/core/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/ui/**', '**/storage/**', '**/workers/**', '**/protocol/**'],
            message: 'src/core must not depend on ui, storage, workers or protocol.',
          },
          {
            group: ['svelte', 'svelte/*', 'dexie', 'dexie/*'],
            message: 'src/core is free of Svelte and Dexie.',
          },
        ],
      },
    ],
    'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'indexedDB'],
  },
};

export default ts.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '.bench-data/',
      'public/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  coreBoundary,
);
