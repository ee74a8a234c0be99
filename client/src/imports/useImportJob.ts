import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, type components } from '../api/api';

type ImportJob = components['schemas']['ImportJob'];

const remembered = 'entente.import.job';

/**
 * The import being followed: its progress from the server's event stream, its rejected rows fetched once it
 * ends. The job's id is kept in the browser, so a reload picks the stream up again where it is.
 */
export function useImportJob() {
  const [id, setId] = useState<string | null>(() => localStorage.getItem(remembered));
  const [job, setJob] = useState<ImportJob>();
  const queries = useQueryClient();
  /** Bumped to follow the same job again (a rollback after its import ended). */
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!id) return;
    localStorage.setItem(remembered, id);
    const events = new EventSource(`/api/imports/${encodeURIComponent(id)}/events`, { withCredentials: true });
    const take = (event: MessageEvent<string>) => setJob(JSON.parse(event.data) as ImportJob);
    events.addEventListener('progress', take);
    events.addEventListener('end', (event: MessageEvent<string>) => {
      take(event);
      events.close();
      // The graph changed: the schema, the overview and search answers are asked again.
      void queries.invalidateQueries();
      void api.importJob(id).then(setJob);
    });
    events.onerror = () => {
      // A job that is gone (another store, cleared) is forgotten; otherwise the browser reconnects itself.
      void api.importJob(id).catch(() => {
        events.close();
        localStorage.removeItem(remembered);
        setId(null);
      });
    };
    return () => events.close();
  }, [id, round, queries]);

  return {
    job: job?.id === id ? job : undefined,
    follow: (next: ImportJob) => {
      setJob(next);
      setId(next.id);
      setRound((current) => current + 1);
    },
    forget: () => {
      localStorage.removeItem(remembered);
      setId(null);
      setJob(undefined);
    },
  };
}
