import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileLogger } from './file-logger';

describe('file logger', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'baton-logs-')), 'logs');
  });

  it('writes JSON lines with time, level, message and data', () => {
    const logger = createFileLogger({ directory: dir, clock: () => new Date('2026-11-24T09:00:00Z') });
    logger.info('started', { version: '0.1.0' });
    logger.error('sync failed', { status: 503 });
    const lines = readFileSync(logger.file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual([
      { time: '2026-11-24T09:00:00.000Z', level: 'info', message: 'started', data: { version: '0.1.0' } },
      { time: '2026-11-24T09:00:00.000Z', level: 'error', message: 'sync failed', data: { status: 503 } },
    ]);
  });

  it('never writes tokens or e-mail addresses', () => {
    const logger = createFileLogger({ directory: dir });
    logger.warn('auth failed for pm@agency.com using pat-na1-aaaa-bbbb', { headers: { authorization: 'Bearer zzz' }, token: 'pat-na1-cccc' });
    const text = readFileSync(logger.file, 'utf8');
    expect(text).not.toMatch(/pm@agency|pat-na1|zzz/);
  });

  it('rotates by size and keeps only the configured number of files', () => {
    const logger = createFileLogger({ directory: dir, maxBytes: 200, maxFiles: 2 });
    for (let index = 0; index < 30; index += 1) logger.info(`line ${index} ${'x'.repeat(40)}`);
    expect(readdirSync(dir).sort()).toEqual(['baton.log', 'baton.log.1', 'baton.log.2']);
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name)).length).toBeLessThanOrEqual(200);
    expect(readFileSync(join(dir, 'baton.log'), 'utf8')).toContain('line 29');
    expect(existsSync(join(dir, 'baton.log.3'))).toBe(false);
    const all = readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8')).join('');
    expect(all).not.toContain('line 0 ');
  });
});
