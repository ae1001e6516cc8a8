// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = { group: ['node:*'], message: 'Only electron/ and test/ may use Node built-ins.' };
const electronImport = { name: 'electron', message: 'Only electron/ may import electron; the renderer talks to the host through renderer/src/api.' };
const hubspotImport = {
  name: '@hubspot/api-client',
  message: 'Only the HubSpot gateway (electron/sync/hubspot-gateway.ts) may import @hubspot/api-client.',
};
const hubspotDeep = { group: ['@hubspot/api-client/*'], message: hubspotImport.message };

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'bench/**/*.json', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [hubspotImport], patterns: [hubspotDeep] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [electronImport, hubspotImport], patterns: [nodeBuiltins, hubspotDeep] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronImport,
            hubspotImport,
            { name: 'react', message: 'shared/ is pure TypeScript: no React.' },
            { name: 'react-dom', message: 'shared/ is pure TypeScript: no React.' },
            { name: 'dexie', message: 'shared/ is pure TypeScript: no Dexie.' },
            { name: 'dexie-react-hooks', message: 'shared/ is pure TypeScript: no Dexie.' },
            { name: 'zustand', message: 'shared/ is pure TypeScript: no UI state.' },
          ],
          patterns: [nodeBuiltins, hubspotDeep, { group: ['react-dom/*', 'dexie/*'], message: 'shared/ is pure TypeScript.' }],
        },
      ],
    },
  },
  {
    // The one module allowed to speak to HubSpot through the official client.
    files: ['electron/sync/hubspot-gateway.ts', 'electron/sync/hubspot-gateway.test.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
