import type { Plugin } from 'vite';
import { isTestModule } from './test-code';

/**
 * Fails a build whose bundle would hold test code (a builder, a fake host, a
 * test library): lint stops the import at its source, and this checks what
 * the bundler really pulled in, including through a re-export.
 */
export function noTestCodeInBuild(): Plugin {
  return {
    name: 'baton-no-test-code',
    apply: 'build',
    generateBundle(_options, bundle) {
      const found = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of Object.keys(output.modules)) if (isTestModule(id)) found.add(id);
      }
      if (found.size > 0) this.error(`Test code would ship in the build: ${[...found].sort().join(', ')}. Shipped code must not import test modules (see scripts/test-code.ts).`);
    },
  };
}
