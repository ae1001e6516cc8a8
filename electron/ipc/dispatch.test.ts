import fc from 'fast-check';
import { z } from 'zod';
import { channel, type HandlersFor } from '../../shared/ipc/channel';
import { contract } from '../../shared/ipc/contract';
import { IpcError } from '../../shared/ipc/errors';
import type { Logger } from '../host/deps';
import { createHandlers } from './create-handlers';
import { dispatch } from './dispatch';
import { memoryHostDeps } from '../../test/host/memory-deps';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record = (message: string, data?: Record<string, unknown>) => {
    lines.push(`${message} ${JSON.stringify(data ?? {})}`);
  };
  return { lines, info: record, warn: record, error: record };
}

const testContract = {
  'test.echo': channel({
    description: 'echo',
    request: z.object({ text: z.string().max(10) }).strict(),
    response: z.object({ text: z.string() }),
  }),
};

describe('dispatch', () => {
  it('answers a valid request through the handler', async () => {
    const handlers: HandlersFor<typeof testContract> = { 'test.echo': async ({ text }) => ({ text: text.toUpperCase() }) };
    await expect(dispatch(handlers, testContract, 'test.echo', { text: 'hi' })).resolves.toEqual({ ok: true, value: { text: 'HI' } });
  });

  it.each([['nope'], ['__proto__'], ['toString'], ['constructor'], [42], [null], [undefined], [{ name: 'app.info' }]])(
    'refuses the unknown channel %s',
    async (name) => {
      const result = await dispatch(createHandlers(memoryHostDeps()), contract, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    },
  );

  it('lists every problem of a malformed request with its path', async () => {
    const handler = vi.fn(async () => ({ text: 'x' }));
    const result = await dispatch({ 'test.echo': handler }, testContract, 'test.echo', { text: 'far too long text', extra: 1 });
    expect(handler).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_REQUEST');
    expect(result.error.message).toContain('test.echo');
    expect(result.error.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'text' }), expect.objectContaining({ path: '' })]),
    );
  });

  it('turns a thrown IpcError into its code and message', async () => {
    const result = await dispatch(
      { 'test.echo': async () => { throw new IpcError('OFFLINE', 'You are offline; try again when connected.'); } },
      testContract,
      'test.echo',
      { text: 'a' },
    );
    expect(result).toEqual({ ok: false, error: { code: 'OFFLINE', message: 'You are offline; try again when connected.' } });
  });

  it('hides an unexpected failure behind INTERNAL and logs it without the secret', async () => {
    const logger = recordingLogger();
    const result = await dispatch(
      { 'test.echo': async () => { throw new Error('request failed with Authorization: Bearer pat-na1-1234-abcd'); } },
      testContract,
      'test.echo',
      { text: 'a' },
      { logger },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('pat-na1');
    expect(logger.lines.join('\n')).toContain('test.echo');
    expect(logger.lines.join('\n')).not.toContain('pat-na1');
  });

  it('turns a handler answer outside the response schema into INTERNAL', async () => {
    const logger = recordingLogger();
    const badHandler = async () => ({ text: 42 }) as unknown as { text: string };
    const result = await dispatch({ 'test.echo': badHandler }, testContract, 'test.echo', { text: 'a' }, { logger });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logger.lines.some((line) => line.includes('outside its schema'))).toBe(true);
  });

  it('never throws and always answers an envelope, for arbitrary JSON on every channel', async () => {
    const handlers = createHandlers(memoryHostDeps());
    const names = Object.keys(contract);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.jsonValue(), async (name, payload) => {
        const result = await dispatch(handlers, contract, name, payload);
        if (result.ok) return;
        expect(typeof result.error.code).toBe('string');
        expect(result.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('answers BAD_REQUEST (not a crash) for arbitrary non-object payloads on every channel', async () => {
    const handlers = createHandlers(memoryHostDeps());
    for (const name of Object.keys(contract)) {
      for (const payload of [null, 7, 'text', [], true]) {
        const result = await dispatch(handlers, contract, name, payload);
        expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      }
    }
  });
});

describe('dispatch with the sync handlers merged', () => {
  it('answers a sync call with a typed error when no token is stored', async () => {
    const result = await dispatch(createHandlers(memoryHostDeps()), contract, 'hubspot.owners', {});
    // The sync service may answer in the envelope or inside its own result value.
    const error = result.ok ? (result.value as { error?: { code: string } }).error : result.error;
    expect(error?.code).toBe('NOT_CONNECTED');
  });

  it('emits sync progress through the host emitter', async () => {
    const emitted: string[] = [];
    const deps = memoryHostDeps({ emit: (event) => emitted.push(event) });
    await dispatch(createHandlers(deps), contract, 'hubspot.connect', { token: 'pat-na1-00000000-0000-0000-0000-000000000000' });
    expect(emitted.every((event) => event === 'sync.progress')).toBe(true);
  });
});
