import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { errorText } from '../accounts/errorText';
import { navigate } from '../accounts/navigation';
import { App } from '../app/App';
import { investigationsApi, type InvestigationSummary } from './investigationsApi';

/** The investigation an address names: `/i/k3x9q2ab` (and `/embed/i/…`). */
export function investigationIdOf(path: string): string | undefined {
  return /^(?:\/embed)?\/i\/([a-z0-9]{8})$/.exec(path)?.[1];
}

async function open(id: string) {
  const [investigation, { graph, changes }] = await Promise.all([
    investigationsApi.get(id),
    investigationsApi.graph(id),
  ]);
  return { investigation, opening: { kind: 'investigation' as const, view: investigation.view, graph, changes } };
}

/**
 * The explorer, on an investigation or on a new canvas. Saving a new investigation gives the page its address
 * without reopening it; going to another investigation (or to `/`) opens the explorer afresh.
 */
export function ExplorerPage({ investigationId, embedded = false }: { investigationId?: string; embedded?: boolean }) {
  const [shown, setShown] = useState({ key: 0, id: investigationId, adopted: false });
  // The address now names another investigation (or none): the explorer opens afresh. Set while rendering,
  // as React advises for state that follows a prop.
  if (investigationId !== shown.id) setShown({ key: shown.key + 1, id: investigationId, adopted: false });
  const loading = !!shown.id && !shown.adopted;
  const opened = useQuery({
    queryKey: ['investigation-open', shown.id, shown.key],
    queryFn: () => open(shown.id!),
    enabled: loading,
    retry: false,
    staleTime: Infinity,
  });
  const adopt = useCallback((investigation: InvestigationSummary) => {
    setShown((previous) => ({ ...previous, id: investigation.id, adopted: true }));
    navigate(`/i/${investigation.id}`);
  }, []);

  if (loading && opened.error) {
    return (
      <p className="page-message" role="alert">
        {errorText(opened.error)} <a href="/investigations">Your investigations</a>
      </p>
    );
  }
  if (loading && !opened.data) return <p className="page-message">Opening the investigation…</p>;
  return (
    <App
      key={shown.key}
      opening={loading ? opened.data!.opening : undefined}
      investigation={loading ? opened.data!.investigation : undefined}
      embedded={embedded}
      onAdopt={adopt}
    />
  );
}
