import { INDEX_ONLY_VERSIONS, ROW_UPGRADES } from '../../../shared/backup/upgrade';
import { MIGRATIONS } from '../data/migrations';

describe('backup row upgrades follow the database migrations', () => {
  it('every schema version after v1 has a row upgrade or is declared index-only', () => {
    const covered = new Set([...ROW_UPGRADES.map((step) => step.toVersion), ...INDEX_ONLY_VERSIONS]);
    for (const migration of MIGRATIONS.slice(1)) {
      expect(covered.has(migration.version), `schema v${migration.version} needs a row upgrade in shared/backup/upgrade.ts`).toBe(true);
    }
  });

  it('a version whose migration changes data has a row upgrade (not index-only), unless it only fills a derived table', () => {
    for (const migration of MIGRATIONS) {
      if (migration.upgrade && migration.derivedOnly !== true) expect(ROW_UPGRADES.some((step) => step.toVersion === migration.version)).toBe(true);
    }
  });
});
