import type { Core, Position } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import type { CanvasGraph } from '../../graph/canvasState';
import { countContents, track } from '../../probe/probe';
import type { LabelStyles } from '../../styling/labelStyles';
import { toElements } from '../edgeGroups';
import type { LayoutName } from '../layouts';
import { fitShownNodes } from '../layoutWorker';
import { openReadable } from '../opening';
import { gpuName, wantsWebgl } from '../renderer';
import { outlineFrom } from '../style';
import type { CanvasCore } from './canvasCore';
import { useLatest } from './useLatest';

export interface Viewport {
  zoom: number;
  pan: Position;
}

/**
 * Brings nodes just added to a drawn graph into view, with the neighbours that explain them: nothing moves
 * when they are already on the screen; else the whole picture is fitted when it stays legible that way,
 * or the view moves to them and their neighbours.
 */
function reveal(cy: Core, ids: string[]): void {
  const wanted = new Set(ids);
  // Shown by class, not ':visible', which computes every node's style first (a second at 5,000 nodes).
  const shown = cy.nodes().not('.filtered');
  const added = shown.filter((node) => wanted.has(node.id()));
  if (added.empty()) return;
  const around = added.union(added.neighborhood().nodes().not('.filtered'));
  const view = cy.extent();
  const box = around.boundingBox();
  if (box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2) return;
  const padding = 40;
  const zoomFor = (target: { w: number; h: number }) =>
    Math.min(
      1.5,
      (cy.width() - 2 * padding) / Math.max(target.w, 1),
      (cy.height() - 2 * padding) / Math.max(target.h, 1),
    );
  const everything = shown.boundingBox();
  const target = zoomFor(everything) >= 0.5 ? everything : box;
  const zoom = Math.max(cy.minZoom(), zoomFor(target));
  const pan = {
    x: cy.width() / 2 - ((target.x1 + target.x2) / 2) * zoom,
    y: cy.height() / 2 - ((target.y1 + target.y2) / 2) * zoom,
  };
  const done = track();
  cy.animate({ zoom, pan }, { duration: 250, complete: done });
}

/** New nodes start beside a neighbour already placed, so the layout only has to settle them. */
function placeNearNeighbours(instance: Core): void {
  const placed = (position: Position) => position.x !== 0 || position.y !== 0;
  instance.nodes().forEach((node) => {
    if (placed(node.position())) return;
    const anchor = node
      .neighborhood()
      .nodes()
      .filter((other) => placed(other.position()))[0];
    const { x, y } = anchor ? anchor.position() : { x: 0, y: 0 };
    const angle = Math.random() * 2 * Math.PI;
    const radius = anchor ? 60 : 200 + Math.random() * 200;
    node.position({ x: x + Math.cos(angle) * radius, y: y + Math.sin(angle) * radius });
  });
}

/** Adds what is wanted and not drawn, removes what is drawn and not wanted; returns the new nodes' ids. */
function applyDifference(
  instance: Core,
  wanted: ReturnType<typeof toElements>,
  initialPositions: Record<string, Position> | undefined,
): { newIds: string[]; unplaced: number } {
  const wantedIds = new Set(wanted.map((element) => element.data.id!));
  const newIds: string[] = [];
  let unplaced = 0;
  instance.batch(() => {
    instance
      .elements()
      .filter((element) => !wantedIds.has(element.id()))
      .remove();
    const fresh = wanted.filter((element) => instance.getElementById(element.data.id!).empty());
    // A group that stays may have gained or lost members.
    for (const element of wanted) {
      if (element.classes !== 'group') continue;
      const drawn = instance.getElementById(element.data.id!);
      if (drawn.nonempty()) {
        drawn.data({ members: element.data.members as string[], label: element.data.label as string });
      }
    }
    // One add() for all of them: adding one by one costs Cytoscape a pass per element.
    instance.add(
      fresh.map((element) => {
        if (element.group === 'edges') return element;
        const restored = initialPositions?.[element.data.id!];
        if (!restored) unplaced++;
        newIds.push(element.data.id!);
        return { ...element, position: restored ?? { x: 0, y: 0 } };
      }),
    );
    placeNearNeighbours(instance);
  });
  return { newIds, unplaced };
}

interface SyncInput {
  graph: CanvasGraph;
  /** Pairs of nodes drawn one by one rather than folded (edgeGroups.pairKey). */
  expanded: Set<string>;
  /** Read when elements are made, not followed: the styles controller restyles them in place. */
  styles?: LabelStyles;
  /** Read, not followed: a layout change runs through relayout(), and a restored view only matters on load. */
  layout: LayoutName;
  initialPositions?: Record<string, Position>;
  initialViewport?: Viewport;
  onViewChange(): void;
}

/**
 * Sync controller: keeps the Cytoscape instance in step with the canvas graph, adding what is new near its
 * neighbours and laying it out, removing what is gone, and bringing what was added into view.
 */
export function useGraphSync(canvas: CanvasCore, input: SyncInput): void {
  const { graph, expanded } = input;
  const latest = useLatest(input);
  const [gpu] = useState(gpuName);
  /** Nodes added to a drawn graph, to bring into view once they are placed. */
  const toReveal = useRef(new Set<string>());

  useEffect(() => {
    const { initialPositions, initialViewport, layout, styles } = latest.current;
    const grown = Object.keys(graph.nodes).length;
    const instance = canvas.upgrade({ webgl: wantsWebgl(gpu, grown), large: grown >= outlineFrom });
    const wasEmpty = instance.nodes().empty();
    // Styled once at the level it will be seen at, not in full detail and again after the fit.
    if (wasEmpty && grown >= outlineFrom) canvas.showDetail('outline');
    const { newIds, unplaced } = applyDifference(instance, toElements(graph, expanded, styles), initialPositions);
    countContents(instance.nodes().length, Object.keys(graph.edges).length, instance.nodes().not('.filtered').length);
    const placed = instance.nodes().length - unplaced;
    if (!wasEmpty) newIds.forEach((id) => toReveal.current.add(id));
    const revealAdded = () => {
      reveal(instance, [...toReveal.current]);
      toReveal.current.clear();
    };
    if (unplaced > 0) {
      void canvas.layouts!.run(instance, layout, { incremental: placed > 0, fit: placed === 0 }).then((applied) => {
        if (!applied) return;
        // The first picture: readable rather than whole (opening.ts).
        if (placed === 0) openReadable(instance);
        revealAdded();
        latest.current.onViewChange();
      });
    } else if (wasEmpty && initialViewport) instance.viewport(initialViewport);
    else if (wasEmpty) fitShownNodes(instance);
    else if (toReveal.current.size) revealAdded();
  }, [canvas, graph, expanded, gpu, latest]);
}
