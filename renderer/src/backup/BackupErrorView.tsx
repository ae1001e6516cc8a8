import type { BackupError } from '../../../shared/backup/errors';

/** A refused backup or restore: the sentence, then each problem (table and row) it found. */
export function BackupErrorView({ error }: { error: BackupError }) {
  return (
    <div className="error-text" role="alert">
      <div>{error.message}</div>
      {error.issues && error.issues.length > 1 ? (
        <ul style={{ margin: '4px 0 0', paddingLeft: 18, maxHeight: 160, overflow: 'auto' }}>
          {error.issues.map((issue, index) => (
            <li key={`${index}-${issue}`}>{issue}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
