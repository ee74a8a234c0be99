import type { Core } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { drawSketch } from './sketch';

const width = 180;
const height = 130;

interface Frame {
  /** The graph's bounding box in model coordinates, which the thumbnail shows whole. */
  box: { x1: number; y1: number; w: number; h: number };
  scale: number;
}

/** Draws the whole graph as a sketch (sketch.ts), where a Cytoscape image of it would block the page. */
function drawThumbnail(canvas: HTMLCanvasElement, cy: Core, { box, scale }: Frame): void {
  drawSketch(
    canvas.getContext('2d')!,
    { zoom: scale, pan: { x: -box.x1 * scale, y: -box.y1 * scale } },
    cy.nodes(':visible').map((node) => ({ position: node.position(), color: node.data('color') as string, size: 3 })),
    cy.edges(':visible').map((edge) => [edge.source().position(), edge.target().position()]),
  );
}

/**
 * A thumbnail of a large graph: the whole drawing in miniature, with the visible part outlined; a click
 * centres the canvas there. The thumbnail is redrawn only when the graph settles, never while panning.
 */
export function Thumbnail({ cy }: { cy: Core }) {
  const [frame, setFrame] = useState<Frame>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [extent, setExtent] = useState(cy.extent());
  const redraw = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    const draw = () => {
      clearTimeout(redraw.current);
      redraw.current = setTimeout(() => {
        const bounds = cy.nodes(':visible').boundingBox();
        if (!bounds.w || !bounds.h) return;
        setFrame({ box: bounds, scale: Math.min(width / bounds.w, height / bounds.h) });
      }, 400);
    };
    const follow = () => setExtent(cy.extent());
    draw();
    cy.on('add remove layoutstop', draw);
    cy.on('viewport resize', follow);
    return () => {
      clearTimeout(redraw.current);
      cy.off('add remove layoutstop', draw);
      cy.off('viewport resize', follow);
    };
  }, [cy]);

  useEffect(() => {
    if (frame && canvas.current) drawThumbnail(canvas.current, cy, frame);
  }, [cy, frame]);

  if (!frame) return null;
  const { box, scale } = frame;
  return (
    <div
      className="thumbnail"
      aria-hidden="true"
      style={{ width, height }}
      onClick={(event) => {
        const area = event.currentTarget.getBoundingClientRect();
        const model = {
          x: box.x1 + (event.clientX - area.left) / scale,
          y: box.y1 + (event.clientY - area.top) / scale,
        };
        cy.pan({ x: cy.width() / 2 - model.x * cy.zoom(), y: cy.height() / 2 - model.y * cy.zoom() });
      }}
    >
      <canvas ref={canvas} width={width} height={height} />
      <div
        className="thumbnail-view"
        style={{
          left: (extent.x1 - box.x1) * scale,
          top: (extent.y1 - box.y1) * scale,
          width: extent.w * scale,
          height: extent.h * scale,
        }}
      />
    </div>
  );
}
