import { BACKUP_TABLES, type RawTables } from './format';
import { ROW_UPGRADES, flagLatestTemplates, upgradeRows } from './upgrade';

function tables(partial: Partial<RawTables>): RawTables {
  return { ...(Object.fromEntries(BACKUP_TABLES.map((t) => [t, []])) as unknown as RawTables), ...partial };
}

describe('row upgrades', () => {
  it('are listed once per version, in ascending order', () => {
    const versions = ROW_UPGRADES.map((step) => step.toVersion);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(versions.every((v) => v >= 2)).toBe(true);
  });

  it('v2 flags exactly the newest version of each template', () => {
    const flagged = flagLatestTemplates([
      { id: 'a', version: 1 },
      { id: 'a', version: 3 },
      { id: 'a', version: 2 },
      { id: 'b', version: 1 },
    ]);
    expect(flagged.map((t) => t['latest'])).toEqual([0, 1, 0, 1]);
  });

  it('leave rows they cannot read for the schemas to report', () => {
    const flagged = flagLatestTemplates([{ id: 'a', version: 'one' }, { id: 'a', version: 1 }]);
    expect(flagged).toEqual([
      { id: 'a', version: 'one', latest: 0 },
      { id: 'a', version: 1, latest: 1 },
    ]);
  });

  it('run only the steps between the two versions, and never mutate the input', () => {
    const input = tables({ templates: [{ id: 'a', version: 1 }] });
    expect(upgradeRows(input, 2, 2).templates).toEqual([{ id: 'a', version: 1 }]);
    expect(upgradeRows(input, 1, 2).templates).toEqual([{ id: 'a', version: 1, latest: 1 }]);
    expect(input.templates).toEqual([{ id: 'a', version: 1 }]);
  });
});
