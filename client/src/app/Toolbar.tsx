import { AccountBadge } from '../accounts/AccountBadge';
import { layoutLabels, type LayoutName } from '../canvas/layouts';
import type { SearchResult } from '../api/api';
import { SearchBox } from '../search/SearchBox';

export type ExportKind = 'png' | 'svg' | 'json' | 'csv' | 'graphml' | 'gexf';

const exportLabels: Record<ExportKind, string> = {
  png: 'PNG',
  svg: 'SVG',
  json: 'JSON',
  csv: 'CSV',
  graphml: 'GraphML',
  gexf: 'GEXF',
};

interface Props {
  canUndo: boolean;
  canRedo: boolean;
  layout: LayoutName;
  /** A request is taking longer than a moment. */
  busy: boolean;
  onPick: (result: SearchResult) => void;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: (layout: LayoutName) => void;
  onFit: () => void;
  onExport: (kind: ExportKind) => void;
  onShare: () => void;
}

/** The page's header: search, history, layout, fit, exports and sharing, and the loading badge. */
export function Toolbar(props: Props) {
  return (
    <header className="toolbar">
      <h1>Entente</h1>
      <SearchBox onPick={props.onPick} />
      <div className="tools" role="toolbar" aria-label="Canvas tools">
        <button onClick={props.onUndo} disabled={!props.canUndo} title="Undo">
          Undo
        </button>
        <button onClick={props.onRedo} disabled={!props.canRedo} title="Redo">
          Redo
        </button>
        <select
          aria-label="Layout"
          value={props.layout}
          onChange={(event) => props.onLayout(event.target.value as LayoutName)}
        >
          {Object.entries(layoutLabels).map(([name, label]) => (
            <option key={name} value={name}>
              {label}
            </option>
          ))}
        </select>
        <button onClick={props.onFit} title="Fit what is shown">
          Fit
        </button>
        {(Object.keys(exportLabels) as ExportKind[]).map((kind) => (
          <button
            key={kind}
            onClick={() => props.onExport(kind)}
            title={
              kind === 'graphml' || kind === 'gexf'
                ? `The nodes on the canvas and every relationship among them, as a ${exportLabels[kind]} file (Gephi, yEd, NetworkX)`
                : undefined
            }
          >
            {exportLabels[kind]}
          </button>
        ))}
        <button onClick={props.onShare}>Share</button>
      </div>
      {/* Always there, so that the toolbar never shifts when it shows. */}
      <div className={props.busy ? 'loading busy' : 'loading'} role="status">
        Loading…
      </div>
      <AccountBadge />
    </header>
  );
}
