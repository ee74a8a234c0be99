import { formatProperty } from '../inspect/format';
import './styling.css';
import { useMemo } from 'react';
import type { CanvasGraph } from '../graph/canvasState';
import type { LabelStyles } from './labelStyles';
import { sizeScales } from './sizeLegend';

const figure = (key: string, value: number) => formatProperty(key, value, {});

function Dot({ size, muted = false }: { size: number; muted?: boolean }) {
  return <span className={muted ? 'size-dot muted' : 'size-dot'} style={{ width: size, height: size }} />;
}

/** The legend of sizes: what the smallest and largest node of each sized label stand for, and line widths. */
export function SizeLegend({ graph, styles }: { graph: CanvasGraph; styles: LabelStyles }) {
  const sizes = useMemo(
    () => sizeScales(Object.values(graph.nodes), Object.values(graph.edges), styles),
    [graph, styles],
  );
  if (!sizes) return null;
  return (
    <section className="size-legend" aria-label="Legend of sizes">
      {sizes.nodes.map((scale) => (
        <div key={scale.label} className="size-scale">
          <h4>
            {scale.label}: size by {scale.key}
          </h4>
          <ul>
            <li>
              <Dot size={scale.minSize} /> {figure(scale.key, scale.min)}
            </li>
            {scale.max !== scale.min && (
              <li>
                <Dot size={scale.maxSize} /> {figure(scale.key, scale.max)}
              </li>
            )}
            {scale.without > 0 && (
              <li>
                <Dot size={scale.neutral} muted /> no {scale.key} ({scale.without})
              </li>
            )}
          </ul>
        </div>
      ))}
      {sizes.width && (
        <div className="size-scale">
          <h4>Line width: {sizes.width.key}</h4>
          <ul>
            <li>
              <span className="width-line" style={{ height: sizes.width.minWidth }} />{' '}
              {figure(sizes.width.key, sizes.width.min)}
            </li>
            {sizes.width.max !== sizes.width.min && (
              <li>
                <span className="width-line" style={{ height: sizes.width.maxWidth }} />{' '}
                {figure(sizes.width.key, sizes.width.max)}
              </li>
            )}
          </ul>
        </div>
      )}
    </section>
  );
}
