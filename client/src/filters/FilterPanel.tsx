import { lazy, Suspense, useState } from 'react';
import { own } from '../app/records';
import { kindStyle } from '../canvas/style';
import type { LabelStyle, LabelStyles } from '../styling/labelStyles';

// Opened on demand, off the first load.
const StyleEditor = lazy(() => import('../styling/StyleEditor').then((module) => ({ default: module.StyleEditor })));

interface CheckListProps {
  title: string;
  entries: [string, number][];
  hidden: Set<string>;
  onToggle: (name: string) => void;
  /** The names drawn in a colour of their own (a node's first label), each shown with its swatch. */
  swatches?: Set<string>;
  styles?: LabelStyles;
  /** Opens the style editor of an entry. */
  onEdit?: (name: string) => void;
}

function CheckList({ title, entries, hidden, onToggle, swatches, styles = {}, onEdit }: CheckListProps) {
  return (
    <>
      <h3>{title}</h3>
      {entries.map(([name, count]) => (
        <div key={name} className="legend-row">
          <label>
            <input type="checkbox" checked={!hidden.has(name)} onChange={() => onToggle(name)} />
            {swatches?.has(name) && (
              <span className="swatch" style={{ background: own(styles, name)?.color ?? kindStyle(name).color }} />
            )}
            {swatches && !swatches.has(name) && (
              <span
                className="swatch none"
                title="No node is drawn in this label's colour (a node takes its first label's)"
              />
            )}
            {name} <span className="count">{count}</span>
          </label>
          {onEdit && (!swatches || swatches.has(name)) && (
            <button className="link style-button" aria-label={`Style ${name}`} onClick={() => onEdit(name)}>
              Style
            </button>
          )}
        </div>
      ))}
    </>
  );
}

interface Props {
  labels: [string, number][];
  /** The labels some node on the canvas is drawn in (its first label). */
  drawnLabels: string[];
  types: [string, number][];
  hiddenLabels: Set<string>;
  hiddenTypes: Set<string>;
  onToggleLabel: (label: string) => void;
  onToggleType: (type: string) => void;
  styles: LabelStyles;
  /** The property keys of each label's nodes on the canvas, and those holding numbers. */
  keys: Record<string, { all: string[]; numeric: string[] }>;
  onStyle: (label: string, style: LabelStyle) => void;
  /** The graph is still opening: the canvas is not empty, only not drawn yet. */
  loading?: boolean;
}

/** The legend of kinds on the canvas, doubling as label and relationship-type filters with counts. */
export function FilterPanel(props: Props) {
  const [editing, setEditing] = useState<string>();
  return (
    <section className="filters" aria-label="Legend and filters">
      <CheckList
        title="Kinds"
        entries={props.labels}
        hidden={props.hiddenLabels}
        onToggle={props.onToggleLabel}
        swatches={new Set(props.drawnLabels)}
        styles={props.styles}
        onEdit={(label) => setEditing(editing === label ? undefined : label)}
      />
      <Suspense fallback={<p className="hint">Loading…</p>}>
        {editing && props.labels.some(([label]) => label === editing) && (
          <StyleEditor
            label={editing}
            style={own(props.styles, editing) ?? {}}
            keys={own(props.keys, editing) ?? { all: [], numeric: [] }}
            onStyle={(style) => props.onStyle(editing, style)}
            onClose={() => setEditing(undefined)}
          />
        )}
      </Suspense>
      <CheckList title="Relationships" entries={props.types} hidden={props.hiddenTypes} onToggle={props.onToggleType} />
      {!props.labels.length &&
        (props.loading ? (
          <p className="hint">Opening the graph…</p>
        ) : (
          <p className="hint">The canvas is empty: search above, or run a saved query.</p>
        ))}
    </section>
  );
}
