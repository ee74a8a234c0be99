import { api, type components } from '../api/api';

type ImportJob = components['schemas']['ImportJob'];

interface Props {
  job: ImportJob;
  /** Runs an action on the job (cancel, roll back) and follows what it answers. */
  onAct: (action: (id: string) => Promise<unknown>) => void;
  onForget: () => void;
  /** Opens the explorer on what was imported, when that can be told. */
  onShow?: () => void;
}

/** An import's progress, counts, rejected rows and the actions it allows. */
export function ImportJobView({ job, onAct, onForget, onShow }: Props) {
  const percent = Math.round((job.progress.fraction ?? 0) * 100);
  const counts = job.counts;
  return (
    <div className="import-job" aria-label="Import progress">
      <p role="status">
        {job.fileName}: {job.dryRun ? 'dry run ' : ''}
        {job.status}
        {job.encoding ? ` (read as ${job.encoding})` : ''}
      </p>
      <progress max={100} value={percent} aria-label="Rows imported">
        {percent} %
      </progress>
      <p className="hint">
        {job.progress.rowsDone} rows, {job.progress.rowsPerSecond} rows/s
        {job.progress.secondsLeft ? `, about ${job.progress.secondsLeft} s left` : ''}
      </p>
      {job.failure && <p className="error">{job.failure}</p>}
      {counts?.nodes && counts.relationships && (
        <p>
          Nodes: {counts.nodes.created} {job.dryRun ? 'to create' : 'created'}, {counts.nodes.updated}{' '}
          {job.dryRun ? 'to update' : 'updated'}; relationships: {counts.relationships.created}{' '}
          {job.dryRun ? 'to create' : 'created'}, {counts.relationships.updated} {job.dryRun ? 'to update' : 'updated'};{' '}
          {job.errorCount} rows rejected.
        </p>
      )}
      {job.errors && job.errors.length > 0 && (
        <ul className="import-errors" aria-label="Rejected rows">
          {job.errors.slice(0, 50).map((row) => (
            <li key={row.line}>
              line {row.line}: {row.reason}
            </li>
          ))}
        </ul>
      )}
      {job.ambiguous && job.ambiguous.length > 0 && (
        <p className="hint">
          Ambiguous: {job.ambiguous.map((row) => `line ${row.line} "${row.value}" (${row.matches} nodes)`).join('; ')}
        </p>
      )}
      <div className="actions">
        {job.status === 'running' && <button onClick={() => onAct(api.cancelImport)}>Cancel</button>}
        {!job.dryRun && ['done', 'failed', 'cancelled', 'interrupted'].includes(job.status) && (
          <button onClick={() => onAct(api.rollbackImport)}>Roll back</button>
        )}
        {job.status === 'done' && !job.dryRun && onShow && <button onClick={onShow}>Show what was imported</button>}
        <button onClick={onForget}>Close</button>
      </div>
    </div>
  );
}
