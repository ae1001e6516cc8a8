import { ESLint } from 'eslint';
import { noTestCodeInBuild } from './no-test-code-plugin';
import { isTestModule } from './test-code';

describe('test code never ships', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const messagesFor = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath }))[0]?.messages.filter((m) => m.ruleId === 'no-restricted-imports') ?? [];

  it.each([
    ['renderer/src/board/Probe.tsx', "import { makeHandoff } from '../../../test/support/db-fixtures';"],
    ['renderer/src/data/probe.ts', "import { makeHandoff } from '../../../shared/domain/fixtures';"],
    ['renderer/src/data/probe.ts', "import { render } from '@testing-library/react';"],
    ['shared/domain/probe.ts', "import { makeHandoff } from './fixtures';"],
    ['shared/sync/probe.ts', "import { helper } from './merge.test';"],
    ['electron/ipc/probe.ts', "import { memoryHostDeps } from '../../test/host/memory-deps';"],
    ['electron/ipc/probe.ts', "import { deps } from './memory-host-deps.fixture';"],
  ])('lint refuses test code imported by shipped %s', async (filePath, code) => {
    expect(await messagesFor(filePath, `${code}\nexport {};\n`)).toEqual([expect.objectContaining({ message: expect.stringContaining('Shipped code must not import test code') })]);
  });

  it.each([
    ['renderer/src/board/Probe.test.tsx', "import { makeHandoff } from '../../../test/support/db-fixtures';"],
    ['shared/metrics/probe.test.ts', "import { makeHandoff } from '../domain/fixtures';"],
    ['electron/ipc/probe.test.ts', "import { memoryHostDeps } from '../../test/host/memory-deps';"],
  ])('lint lets the test %s use test code', async (filePath, code) => {
    expect(await messagesFor(filePath, `${code}\nexport {};\n`)).toEqual([]);
  });

  it('lint still holds the layer rules in tests', async () => {
    expect(await messagesFor('renderer/src/board/Probe.test.tsx', "import { ipcRenderer } from 'electron';\nexport {};\n")).toHaveLength(1);
    expect(await messagesFor('shared/domain/probe.test.ts', "import { useState } from 'react';\nexport {};\n")).toHaveLength(1);
  });

  it('tells test modules from shipped ones by their ids', () => {
    for (const id of ['/a/test/support/db-fixtures.ts', '/a/shared/domain/fixtures.ts', '/a/renderer/src/x.test.tsx', '/a/electron/ipc/y.fixture.ts', '/a/node_modules/@testing-library/react/index.js', '/a/node_modules/fake-indexeddb/auto.js']) {
      expect(isTestModule(id), id).toBe(true);
    }
    for (const id of ['/a/renderer/src/data/commands.ts', '/a/shared/domain/template.ts', '/a/node_modules/zod/index.js', '/a/renderer/src/board/contest.ts', '\0vite/preload-helper.js']) {
      expect(isTestModule(id), id).toBe(false);
    }
  });

  it('fails a build whose bundle holds a test module, naming it', () => {
    const plugin = noTestCodeInBuild();
    const hook = plugin.generateBundle;
    const run = typeof hook === 'function' ? hook : hook?.handler;
    if (!run) throw new Error('noTestCodeInBuild has no generateBundle hook');
    const chunk = (ids: string[]) => ({ type: 'chunk', modules: Object.fromEntries(ids.map((id) => [id, {}])) });
    type Hook = (this: unknown, options: unknown, bundle: unknown, isWrite: boolean) => void;
    const call = run as unknown as Hook;
    const context = { error: (message: string) => { throw new Error(message); } };
    const clean = { 'index.js': chunk(['/a/renderer/src/main.tsx', '/a/shared/domain/template.ts']) };
    expect(() => call.call(context, {}, clean, false)).not.toThrow();
    const dirty = { 'index.js': chunk(['/a/renderer/src/main.tsx', '/a/test/support/db-fixtures.ts']) };
    expect(() => call.call(context, {}, dirty, false)).toThrow(/Test code would ship in the build: \/a\/test\/support\/db-fixtures\.ts/);
  });
});
