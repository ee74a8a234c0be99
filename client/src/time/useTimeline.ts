import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ApiEdge, Graph } from '../api/api';
import { timelineQuery } from '../api/queries';
import type { CanvasGraph } from '../graph/canvasState';
import { datingEntries, type Dating } from './dating';
import { timelineOf, type TimelineEntry } from './timeline';

export interface NodeTimeline {
  /** Oldest first; `drawn` says whether the canvas shows the relationship. */
  entries: (TimelineEntry & { drawn: boolean })[];
  /** More dated relationships than the API gave (it gives the oldest). */
  truncated: boolean;
  /** A relationship the timeline lists with the nodes at its ends, to add it to the canvas. */
  graphOf: (edgeId: string) => Graph | undefined;
}

/**
 * The timeline of a node: all its dated relationships, read from the API (the canvas may draw few of
 * them), with those the canvas holds as it holds them. While the API has not answered, the canvas's own.
 */
export function useTimeline(nodeId: string | undefined, graph: CanvasGraph, dating: Dating): NodeTimeline {
  const entries = datingEntries(dating);
  const answer = useQuery({ ...timelineQuery(nodeId ?? '', entries), enabled: nodeId !== undefined });
  const fetched = answer.data;
  return useMemo(() => {
    const nodes = { ...Object.fromEntries((fetched?.nodes ?? []).map((node) => [node.id, node])), ...graph.nodes };
    const edges: Record<string, ApiEdge> = {
      ...Object.fromEntries((fetched?.edges ?? []).map((edge) => [edge.id, edge])),
      ...graph.edges,
    };
    const listed = nodeId ? timelineOf(nodeId, nodes, edges, dating) : [];
    return {
      entries: listed.map((entry) => ({ ...entry, drawn: Object.hasOwn(graph.edges, entry.id) })),
      truncated: fetched?.meta?.truncated === true,
      graphOf: (edgeId) => {
        const edge = fetched?.edges.find((candidate) => candidate.id === edgeId);
        if (!edge) return undefined;
        const ends = [edge.source, edge.target].flatMap((id) => (Object.hasOwn(nodes, id) ? [nodes[id]!] : []));
        return { nodes: ends, edges: [edge] };
      },
    };
  }, [fetched, graph, nodeId, dating]);
}
