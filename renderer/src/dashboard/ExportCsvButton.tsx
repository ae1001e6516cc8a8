import type { CsvColumn } from '../../../shared/metrics';
import { csvFileName, csvFileText, downloadCsv } from './csv-download';

interface ExportCsvButtonProps<Row extends object> {
  /** What the table is called; names the file and the button's accessible label. */
  title: string;
  columns: readonly CsvColumn<Row>[];
  rows: readonly Row[];
}

/** "Export CSV" for one dashboard table: exactly the rows shown, as a UTF-8 CSV file. */
export function ExportCsvButton<Row extends object>({ title, columns, rows }: ExportCsvButtonProps<Row>) {
  return (
    <button
      type="button"
      className="btn btn-sm"
      aria-label={`Export ${title} as CSV`}
      onClick={() => {
        const now = new Date();
        downloadCsv(csvFileName(title, now), csvFileText(columns, rows));
      }}
    >
      Export CSV
    </button>
  );
}
