import type { Core } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';

const width = 180;
const height = 130;

interface Picture {
  image: string;
  /** The graph's bounding box in model coordinates, which the image shows whole. */
  box: { x1: number; y1: number; w: number; h: number };
  scale: number;
}

/**
 * An overview of a large graph: a thumbnail of the whole drawing with the visible part outlined; a click
 * centres the canvas there. The thumbnail is redrawn only when the graph settles, never while panning.
 */
export function Overview({ cy }: { cy: Core }) {
  const [picture, setPicture] = useState<Picture>();
  const [extent, setExtent] = useState(cy.extent());
  const redraw = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    const draw = () => {
      clearTimeout(redraw.current);
      redraw.current = setTimeout(() => {
        const bounds = cy.elements().boundingBox();
        if (!bounds.w || !bounds.h) return;
        const scale = Math.min(width / bounds.w, height / bounds.h);
        setPicture({ image: cy.png({ full: true, scale, bg: '#ffffff' }), box: bounds, scale });
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

  if (!picture) return null;
  const { box, scale } = picture;
  return (
    <div
      className="overview"
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
      <img src={picture.image} alt="" />
      <div
        className="overview-view"
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
