import { QueryClient, queryOptions } from '@tanstack/react-query';
import type { DatingEntry } from '../time/dating';
import { api, type PathOptions } from './api';

/**
 * Server data that the page reads (rather than adds to the canvas) goes through one query cache: requests
 * for the same thing are shared, answers are kept a minute, and what a component shows is always the answer
 * to its current key, never an older request that came back late.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 60_000, retry: 1, refetchOnWindowFocus: false } },
});

export const searchQuery = (text: string) =>
  queryOptions({ queryKey: ['search', text], queryFn: () => api.search(text), enabled: text.trim() !== '' });

export const nodeQuery = (id: string) => queryOptions({ queryKey: ['node', id], queryFn: () => api.node(id) });

export const relationshipsQuery = (id: string) =>
  queryOptions({ queryKey: ['relationships', id], queryFn: () => api.relationships(id) });

export const savedQueriesQuery = () => queryOptions({ queryKey: ['queries'], queryFn: () => api.queries() });

export const importMappingsQuery = () =>
  queryOptions({ queryKey: ['import-mappings'], queryFn: () => api.importMappings() });

export const schemaQuery = () => queryOptions({ queryKey: ['schema'], queryFn: () => api.schema() });

/** Paths between two nodes, with the seconds the search took (the path panel says what a longer limit costs). */
export const pathsQuery = (from: string, to: string, options: PathOptions) =>
  queryOptions({
    queryKey: ['paths', from, to, options],
    queryFn: async () => {
      const started = performance.now();
      const answer = await api.paths(from, to, options);
      return { ...answer, seconds: (performance.now() - started) / 1000 };
    },
  });

export const disagreementsQuery = () =>
  queryOptions({ queryKey: ['disagreements'], queryFn: () => api.disagreements() });

export const changesQuery = (from: string, to: string, dating: DatingEntry[]) =>
  queryOptions({ queryKey: ['changes', from, to, dating], queryFn: () => api.changes(from, to, dating) });

export const timelineQuery = (id: string, dating: DatingEntry[]) =>
  queryOptions({ queryKey: ['timeline', id, dating], queryFn: () => api.timeline(id, dating) });
