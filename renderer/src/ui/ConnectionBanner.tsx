import { useEffect, useState } from 'react';
import type { DataError } from '../data/data-errors';
import { useDb } from '../data/db-context';

/** Says why saving stopped when another Baton window holds or upgraded the local database. */
export function ConnectionBanner() {
  const db = useDb();
  const [issue, setIssue] = useState<DataError | null>(db.connectionIssue);
  useEffect(() => db.onConnectionIssue(setIssue), [db]);
  if (!issue) return null;
  return (
    <div className="banner error-banner" role="alert">
      {issue.message}
    </div>
  );
}
