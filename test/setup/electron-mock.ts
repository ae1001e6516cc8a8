// The `electron` module is mocked once for every Node-side test: its binary
// cannot be downloaded on build machines, and main-process glue is tested
// against this recording stand-in. Tests read the recorded calls from it.
import { vi } from 'vitest';
import { createElectronMock } from './electron-fake';

vi.mock('electron', () => createElectronMock());
