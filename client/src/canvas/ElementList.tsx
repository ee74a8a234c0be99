import type { CanvasGraph } from '../graph/canvasState';
import { describeStatus, edgeStatus, nodeStatus, type CanvasView } from './status';

interface Props {
  graph: CanvasGraph;
  view: CanvasView;
  onSelect: (selection: { kind: 'node' | 'edge'; id: string }) => void;
}

/** The canvas as a list: what a screen reader (or a keyboard user) gets instead of the drawing. */
export function ElementList({ graph, view, onSelect }: Props) {
  const nodes = Object.values(graph.nodes).sort((a, b) => a.caption.localeCompare(b.caption));
  const edges = Object.values(graph.edges).sort((a, b) => a.type.localeCompare(b.type));
  return (
    <section className="element-list" aria-label="Elements on the canvas" data-testid="element-list">
      <h3>Nodes ({nodes.length})</h3>
      <ul>
        {nodes.map((node) => (
          <li key={node.id} data-id={node.id} data-status={describeStatus(nodeStatus(node, view))}>
            <button className="link" onClick={() => onSelect({ kind: 'node', id: node.id })}>
              {node.caption}
            </button>{' '}
            <span className="meta">
              {[node.labels.join(', '), describeStatus(nodeStatus(node, view))].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      <h3>Relationships ({edges.length})</h3>
      <ul>
        {edges.map((edge) => (
          <li key={edge.id} data-id={edge.id} data-status={describeStatus(edgeStatus(edge, view))}>
            <button className="link" onClick={() => onSelect({ kind: 'edge', id: edge.id })}>
              {graph.nodes[edge.source]?.caption} {edge.type} {graph.nodes[edge.target]?.caption}
            </button>{' '}
            <span className="meta">{describeStatus(edgeStatus(edge, view))}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
