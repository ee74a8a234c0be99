import type { Core, EdgeSingular, NodeSingular, Position } from 'cytoscape';
import { own } from '../app/records.js';
import { nodeSize } from './style.js';

/** Model coordinates to a sketch's pixels: `pixel = model * zoom + pan`, as Cytoscape's viewport. */
export interface SketchView {
  zoom: number;
  pan: Position;
}

export interface SketchNode {
  position: Position;
  color: string;
  /** Diameter in pixels. */
  size: number;
}

/**
 * Draws a graph as hairlines and dots in their colour: a few milliseconds even for 10,000 nodes, where
 * Cytoscape's canvas renderer redraws every element after any of them moved (a third of a second at 5,000
 * nodes and 10,000 edges, measured; its options for large graphs only help while the user pans or zooms).
 */
export function drawSketch(
  context: CanvasRenderingContext2D,
  view: SketchView,
  nodes: SketchNode[],
  edges: [Position, Position][],
): void {
  const at = ({ x, y }: Position) => [x * view.zoom + view.pan.x, y * view.zoom + view.pan.y] as const;
  context.clearRect(0, 0, context.canvas.width, context.canvas.height);
  context.strokeStyle = 'rgba(100, 116, 139, 0.35)';
  context.lineWidth = 0.5;
  context.beginPath();
  for (const [source, target] of edges) {
    context.moveTo(...at(source));
    context.lineTo(...at(target));
  }
  context.stroke();
  // One path per colour: a fill per node costs more than drawing them all.
  const byColour = new Map<string, SketchNode[]>();
  for (const node of nodes) {
    const group = byColour.get(node.color);
    if (group) group.push(node);
    else byColour.set(node.color, [node]);
  }
  for (const [color, group] of byColour) {
    context.fillStyle = color;
    context.beginPath();
    for (const node of group) {
      const [x, y] = at(node.position);
      const radius = Math.max(node.size / 2, 1);
      context.moveTo(x + radius, y);
      context.arc(x, y, radius, 0, 2 * Math.PI);
    }
    context.fill();
  }
}

/** The zoom and pan that fit `points` (node centres) in a `width` × `height` box, as the canvas fits. */
export function fittedView(points: Position[], width: number, height: number, minZoom: number): SketchView {
  const padding = 40 + nodeSize / 2;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of points) {
    [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
  }
  // Never closer than a comfortable reading zoom (one node would fill the screen).
  const zoom = Math.max(
    minZoom,
    Math.min(1.5, (width - 2 * padding) / (right - left || 1), (height - 2 * padding) / (bottom - top || 1)),
  );
  return { zoom, pan: { x: (width - zoom * (left + right)) / 2, y: (height - zoom * (top + bottom)) / 2 } };
}

/**
 * A streamed layout's steps, drawn as a sketch over the canvas while Cytoscape keeps its picture, which is
 * redrawn once, with the final positions. Shows what was shown when the layout started (filtered-out elements
 * stay out), fitted as the canvas will be or at the canvas's own zoom and pan.
 */
export class LayoutSketch {
  private readonly canvas = document.createElement('canvas');
  private readonly nodes: { id: string; color: string; size: number }[];
  private readonly edges: [string, string][];
  private positions: Record<string, Position> | undefined;
  private readonly follow = () => this.draw();

  /** `onPointerDown`: the user reaches for the canvas under the sketch, whose nodes are not where drawn. */
  constructor(
    private readonly cy: Core,
    private readonly fit: boolean,
    onPointerDown: () => void,
  ) {
    // One pass by class: not('.filtered') matches a selector and then compares collections (40 ms at 5,000).
    const shown = (element: NodeSingular | EdgeSingular) => !element.hasClass('filtered');
    this.nodes = cy
      .nodes()
      .filter(shown)
      .map((node) => ({
        id: node.id(),
        color: node.data('color') as string,
        size: node.data('size') as number,
      }));
    this.edges = cy
      .edges()
      .filter(shown)
      .edges()
      .map((edge) => [edge.source().id(), edge.target().id()]);
    Object.assign(this.canvas.style, { position: 'absolute', background: '#fff' });
    // A tap or drag would otherwise reach nodes hidden under the sketch, where they were before the layout.
    this.canvas.addEventListener('pointerdown', onPointerDown);
    this.canvas.setAttribute('aria-hidden', 'true');
    this.canvas.className = 'layout-sketch';
    cy.container()!.after(this.canvas);
    cy.on('viewport resize', this.follow);
  }

  /** Draws the layout's positions so far. */
  show(positions: Record<string, Position>): void {
    this.positions = positions;
    this.draw();
  }

  /** The latest positions shown. */
  latest(): Record<string, Position> | undefined {
    return this.positions;
  }

  remove(): void {
    if (!this.cy.destroyed()) this.cy.off('viewport resize', this.follow);
    this.canvas.remove();
  }

  /** Covers the canvas exactly, as it is now (a drawer opened or the window resized since the last step). */
  private cover(): void {
    const container = this.cy.container()!;
    const ratio = window.devicePixelRatio;
    Object.assign(this.canvas.style, {
      left: `${container.offsetLeft}px`,
      top: `${container.offsetTop}px`,
      width: `${container.clientWidth}px`,
      height: `${container.clientHeight}px`,
    });
    const [width, height] = [container.clientWidth * ratio, container.clientHeight * ratio];
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
  }

  private draw(): void {
    const positions = this.positions;
    if (!positions) return;
    this.cover();
    const placed = (id: string) => own(positions, id) ?? this.cy.getElementById(id).position();
    const nodes = this.nodes.map((node) => ({ ...node, position: placed(node.id) }));
    const view = this.fit
      ? fittedView(
          nodes.map((node) => node.position),
          this.cy.width(),
          this.cy.height(),
          this.cy.minZoom(),
        )
      : { zoom: this.cy.zoom(), pan: this.cy.pan() };
    const context = this.canvas.getContext('2d')!;
    const ratio = window.devicePixelRatio;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawSketch(
      context,
      view,
      nodes.map((node) => ({ ...node, size: node.size * view.zoom })),
      this.edges.map(([source, target]) => [placed(source), placed(target)]),
    );
  }
}
