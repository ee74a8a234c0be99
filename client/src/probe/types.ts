/** The shape of `window.__entente` (probe.ts), free of DOM types so that tests can import it too. */
export interface EntentePoint {
  x: number;
  y: number;
}

export interface EntenteProbe {
  /** Nodes and edges the canvas holds now, and how many of them are shown (not filtered out). */
  nodes: number;
  edges: number;
  visibleNodes: number;
  /** Frames the canvas has drawn. */
  frames: number;
  /** For each node count the canvas has held: when (performance.now()) it first drew a frame with it. */
  firstDrawn: Record<number, number>;
  /** When each layout's positions were applied. */
  layoutsDone: number[];
  /** Milliseconds the main thread spent applying each layout step, progress and final positions alike. */
  layoutStepsMs: number[];
  /** Requests and layouts under way. */
  pending: number;
  /** Resolves once nothing has been pending for two animation frames (requests answered, layouts applied). */
  idle(): Promise<void>;
  /** The canvas viewport. */
  viewport(): { zoom: number; pan: EntentePoint };
  /** Where each shown node is drawn, in page (client) coordinates. */
  onScreen(): Record<string, EntentePoint>;
  /** The label of each shown edge ("edge:<id>", or "group:<a>|<b>" for relationships folded into one). */
  edgeLabels(): Record<string, string>;
  /** The time and comparison marks of each shown edge (faded, partly, new, gone, changed), by the same ids. */
  edgeMarks(): Record<string, string[]>;
  /** The size, colour and caption each shown node is drawn with (label styles, rules, or the measures' rule). */
  nodeLooks(): Record<string, { size: number; color: string; caption: string }>;
  /** The colour a styling rule gives each shown edge it matches, by the same ids as edgeLabels. */
  edgeColours(): Record<string, string>;
  /**
   * The box of each shown label, in page coordinates: nodes' captions by node id, and the labels drawn on
   * folded groups by edge id ("group:<a>|<b>"). Labels not drawn at the current zoom are left out.
   */
  labelBoxes(): Record<string, EntenteBox>;
  /** The ids of the nodes selected on the canvas. */
  selectedNodes(): string[];
  /** The ids of the shown nodes linked to a node. */
  neighbours(id: string): string[];
}

export interface EntenteBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
