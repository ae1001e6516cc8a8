import { describe, expect, it } from 'vitest';
import { makeTemplate } from '../domain/fixtures';
import { CARRIER_PROPERTIES, CHUNK_CHARS } from './carrier';
import { decodeTeamRecord, encodeTeamRecord, TEAM_FORMAT, TEAM_VERSION, TeamRecordTooLarge, type TeamRecord } from './team-carrier';

const RECORD: TeamRecord = {
  format: TEAM_FORMAT,
  v: TEAM_VERSION,
  templates: [makeTemplate({ id: 'tpl-qa', version: 2, name: 'Dev → QA (v2)' })],
  acts: [
    { kind: 'role', id: 'act-1', seq: 1, at: '2026-11-24T09:00:00.000Z', by: '100001', person: '100002', role: 'QA lead' },
    { kind: 'template_archived', id: 'act-2', seq: 2, at: '2026-11-24T09:05:00.000Z', by: '100001', templateId: 'tpl-old', archived: true },
  ],
};

describe('the team record carrier', () => {
  it('round-trips through the carrier properties', () => {
    const properties = encodeTeamRecord(RECORD);
    expect(Object.keys(properties)).toEqual([...CARRIER_PROPERTIES]);
    expect(properties['baton_record_2']).toBeNull();
    expect(decodeTeamRecord(properties)).toEqual({ ok: true, record: RECORD });
  });

  it('splits a large record over several properties and reads it back whole', () => {
    const templates = Array.from({ length: 60 }, (_, i) => makeTemplate({ id: `tpl-${i}`, description: 'x'.repeat(1900) }));
    const record = { ...RECORD, templates };
    const properties = encodeTeamRecord(record);
    const used = Object.values(properties).filter((v) => v !== null);
    expect(used.length).toBeGreaterThan(1);
    for (const part of used) expect(part?.length).toBeLessThanOrEqual(CHUNK_CHARS);
    expect(decodeTeamRecord(properties)).toEqual({ ok: true, record });
  });

  it('refuses a record larger than the properties hold, saying how large', () => {
    const huge = Array.from({ length: 300 }, (_, i) => makeTemplate({ id: `tpl-${i}`, description: 'y'.repeat(2000) }));
    expect(() => encodeTeamRecord({ ...RECORD, templates: huge })).toThrow(TeamRecordTooLarge);
    expect(() => encodeTeamRecord({ ...RECORD, templates: huge })).toThrow(/more than HubSpot's 8 text properties hold/);
  });

  it('reads no record as absent', () => {
    expect(decodeTeamRecord({})).toEqual({ ok: 'absent' });
    expect(decodeTeamRecord({ baton_record: '' })).toEqual({ ok: 'absent' });
  });

  it('gives a clear problem for a corrupt, foreign, damaged or newer value', () => {
    const corrupt = decodeTeamRecord({ baton_record: '{"format":"baton-team", cut' });
    expect(corrupt).toMatchObject({ ok: false, newer: false, message: expect.stringMatching(/not readable data .*edited outside Baton or cut short/) });
    const handoff = decodeTeamRecord({ baton_record: JSON.stringify({ format: 'baton-handoff', v: 1 }) });
    expect(handoff).toMatchObject({ ok: false, newer: false, message: expect.stringMatching(/does not hold Baton's team settings/) });
    const damaged = decodeTeamRecord({ baton_record: JSON.stringify({ ...RECORD, acts: [{ ...RECORD.acts[0], seq: -1 }] }) });
    expect(damaged).toMatchObject({ ok: false, newer: false, message: expect.stringMatching(/damaged: acts\.0\.seq/) });
    const newer = decodeTeamRecord({ baton_record: JSON.stringify({ format: TEAM_FORMAT, v: 2, anything: true }) });
    expect(newer).toMatchObject({ ok: false, newer: true, message: expect.stringMatching(/newer Baton \(format 2\)/) });
  });
});
