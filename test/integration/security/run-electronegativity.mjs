// Runs Electronegativity (its JS API, not the CLI) over one directory in a
// child process and hands the findings back to the parent over IPC.
//
// Why a child process: the scanner registers globals (i18n's `__`) and may
// wait on the network, so the parent can kill it on a deadline.
// Why the JS API: the CLI's CSV writer races its own header write and can
// corrupt the first row; SARIF drops the source sample.
// Why `got` is replaced: the scanner's only network use is fetching
// translations and Electron's release list (for the Electron-version check,
// which needs a package.json and is excluded below). Neither affects what it
// finds in source, and a scan must give the same answer offline, in CI and
// behind a firewall, so every request fails at once instead of timing out.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const [input, electronVersion] = process.argv.slice(2);
if (input === undefined || electronVersion === undefined) {
  throw new Error('usage: run-electronegativity.mjs <directory> <electron-version>');
}

const scannerDist = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist');
const gotPath = require.resolve('got', { paths: [scannerDist] });
const offline = () => Promise.reject(new Error('Electronegativity runs offline in Baton tests.'));
offline.head = offline;
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };

// The scanner reports its fallbacks ("Could not retrieve updated translations")
// on stdout; keep stdout for nothing and the report for IPC.
console.log = () => undefined;

const run = require(join(scannerDist, 'runner.js'));
const result = await run({
  input,
  isRelative: true,
  electronVersionOverride: electronVersion,
  excludeFromScan: ['availablesecurityfixesglobalcheck'],
  parserPlugins: [],
});

const send = (message) => new Promise((resolve) => process.send(message, resolve));
await send({
  issues: result.issues.map((issue) => ({
    id: issue.id,
    file: issue.file,
    line: issue.location?.line ?? 0,
    column: issue.location?.column ?? 0,
    sample: issue.sample ?? null,
    severity: issue.severity?.name ?? null,
    confidence: issue.confidence?.name ?? null,
    description: issue.description ?? null,
  })),
  errors: result.errors.map((error) => ({ file: error.file, message: error.message, tolerable: error.tolerable })),
});
