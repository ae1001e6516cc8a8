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
// Test code (test/, *.test.*, *.fixture.*, fixtures.ts builders, test libraries) never ships: only tests may
// import it. The builds check their bundles for the same (scripts/no-test-code-plugin.ts).
const testCode = {
  group: ['**/test/**', '**/*.test', '**/*.test.*', '**/*.fixture', '**/*.fixture.*', '**/fixtures', '**/fixtures.*', 'vitest', 'vitest/*', '@testing-library/*', 'fake-indexeddb', 'fake-indexeddb/*'],
  message: 'Shipped code must not import test code (test/, *.test.*, *.fixture.*, fixtures.ts, test libraries).',
};
const rendererRules = { paths: [electronImport, hubspotImport], patterns: [nodeBuiltins, hubspotDeep] };
const sharedRules = {
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
};
const anyRules = { paths: [hubspotImport], patterns: [hubspotDeep] };
/** The layer's import rules, plus "no test code" for shipped files. */
const restrict = (rules, shipped) => ['error', { paths: rules.paths, patterns: shipped ? [...rules.patterns, testCode] : rules.patterns }];
const testFiles = ['**/*.test.{ts,tsx}', '**/*.fixture.{ts,tsx}', '**/fixtures.ts'];

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
      'no-restricted-imports': restrict(anyRules, true),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(rendererRules, true),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(sharedRules, true),
    },
  },
  // Tests, and code that never ships (benchmarks, build scripts), may use test code; layer rules still hold.
  { files: ['bench/**/*.ts', 'scripts/**/*.ts', 'electron/**/*.test.ts', '*.config.ts'], rules: { 'no-restricted-imports': restrict(anyRules, false) } },
  { files: testFiles.map((glob) => `renderer/${glob}`), rules: { 'no-restricted-imports': restrict(rendererRules, false) } },
  { files: testFiles.map((glob) => `shared/${glob}`), rules: { 'no-restricted-imports': restrict(sharedRules, false) } },
  {
    // The one module allowed to speak to HubSpot through the official client.
    files: ['electron/sync/hubspot-gateway.ts', 'electron/sync/hubspot-gateway.test.ts', 'test/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
