import type { QueryResult } from '../api/api';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && value && 'caption' in value) return String((value as { caption: unknown }).caption);
  if (typeof value === 'object' && value && 'type' in value && 'source' in value)
    return `[:${String((value as { type: unknown }).type)}]`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A query result as a table, with a note when the row cap cut it short. */
export function ResultTable({ result }: { result: QueryResult }) {
  return (
    <div className="result">
      <div className="hint">
        {result.rows.length} row{result.rows.length === 1 ? '' : 's'} in {result.meta.elapsedMs} ms
        {result.meta.truncated && ' — truncated: refine the query to see the rest'}
      </div>
      <div className="table-scroll">
        <table data-testid="result-table">
          <thead>
            <tr>
              {result.columns.map((column) => (
                <th key={column}>{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row, index) => (
              <tr key={index}>
                {row.map((value, column) => (
                  <td key={column}>{cell(value)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
