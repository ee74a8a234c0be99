import cytoscape, { type Core, type CytoscapeOptions, type ElementDefinition } from 'cytoscape';
import { LayoutWorker } from '../layoutWorker';
import { stylesheet, type Detail } from '../style';

/** Renderer settings, fixed for a Cytoscape instance's life. */
export interface Rendering {
  webgl: boolean;
  /** The graph has reached `outlineFrom` nodes. */
  large: boolean;
}

/** Cytoscape's options with its renderer's, which its type declarations leave out. */
type CanvasOptions = CytoscapeOptions & { renderer: { name: 'canvas'; webgl: boolean } };

type Listener = (cy: Core) => void;

/**
 * The one Cytoscape instance of a canvas, shared by its controllers. Renderer options are fixed at creation,
 * so a graph that grows past a threshold gets a new instance, which takes over the elements and viewport of
 * the old one; controllers that bind to the instance register with `onCreate` and are bound again then.
 */
export class CanvasCore {
  cy: Core | undefined;
  rendering: Rendering = { webgl: false, large: false };
  /** The level of detail the stylesheet is at (style.ts). */
  detail: Detail = 'nodes';
  layouts: LayoutWorker | undefined;
  private container: HTMLElement | undefined;
  private readonly listeners = new Set<Listener>();

  /** Calls `listener` with every instance created from now on, and with the current one. */
  onCreate(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.cy) listener(this.cy);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Makes the first instance in `container`, and the layout worker (whose failures go to `onError`). */
  mount(container: HTMLElement, onError: (error: Error) => void): Core {
    this.container = container;
    this.layouts = new LayoutWorker(onError);
    return this.create(this.rendering);
  }

  /** The current instance; controllers run between mount and unmount only. */
  get core(): Core {
    if (!this.cy) throw new Error('The canvas is not mounted.');
    return this.cy;
  }

  /** Moves to renderer settings at least as strong as now (never back, so the picture never flickers). */
  upgrade(next: Rendering): Core {
    const wanted = { webgl: this.rendering.webgl || next.webgl, large: this.rendering.large || next.large };
    if (wanted.webgl === this.rendering.webgl && wanted.large === this.rendering.large) return this.core;
    return this.create(wanted);
  }

  private create(next: Rendering): Core {
    const options: CanvasOptions = {
      container: this.container,
      style: stylesheet(this.detail),
      minZoom: 0.05,
      maxZoom: 4,
      renderer: { name: 'canvas', webgl: next.webgl },
      // While a large graph is dragged or zoomed, move a picture of it instead of redrawing every element.
      textureOnViewport: next.large && !next.webgl,
    };
    this.rendering = next;
    const previous = this.cy;
    const carried = previous && {
      elements: previous.elements().jsons() as unknown as ElementDefinition[],
      viewport: { zoom: previous.zoom(), pan: { ...previous.pan() } },
    };
    previous?.destroy();
    const instance = cytoscape(options);
    if (carried) {
      instance.add(carried.elements);
      instance.viewport(carried.viewport);
    }
    this.cy = instance;
    for (const listener of this.listeners) listener(instance);
    return instance;
  }

  showDetail(level: Detail): void {
    if (level === this.detail || !this.cy) return;
    this.detail = level;
    this.cy.style(stylesheet(level));
  }

  /** Exports show every label and arrowhead whatever the zoom: the shorthands are for the screen. */
  inFullDetail<T>(draw: (cy: Core) => T): T {
    const cy = this.core;
    if (this.detail === 'full') return draw(cy);
    cy.style(stylesheet('full'));
    try {
      return draw(cy);
    } finally {
      cy.style(stylesheet(this.detail));
    }
  }

  unmount(): void {
    this.layouts?.terminate();
    this.layouts = undefined;
    this.cy?.destroy();
    this.cy = undefined;
  }
}
