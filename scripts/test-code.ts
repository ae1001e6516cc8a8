/**
 * What counts as test code in a bundle: every build fails if one of these
 * modules reaches it (`noTestCodeInBuild`); lint forbids the same imports at
 * their source (`testCode` in `eslint.config.js`). Tests live in `test/` or
 * beside their code as `*.test.ts(x)`, `*.fixture.ts(x)` or a `fixtures.ts`
 * builder module (`shared/domain/fixtures.ts`).
 */

const TEST_MODULE_ID = [
  /[\\/]test[\\/]/,
  /\.(test|fixture)\.[cm]?[jt]sx?$/,
  /[\\/]fixtures\.[cm]?[jt]sx?$/,
  /[\\/]node_modules[\\/](vitest|@vitest|@testing-library|fake-indexeddb)[\\/]/,
];

/** Whether a module id (an absolute path, as Rollup names modules) is test code. */
export function isTestModule(id: string): boolean {
  const path = id.split('?')[0] ?? id;
  return TEST_MODULE_ID.some((pattern) => pattern.test(path));
}
