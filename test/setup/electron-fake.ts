// Placeholder replaced by the Electron shell work: a recording stand-in for the
// parts of `electron` the main process uses.
export function createElectronMock(): Record<string, unknown> {
  return { default: {} };
}
