import { kindStyle } from '../canvas/style';

interface CheckListProps {
  title: string;
  entries: [string, number][];
  hidden: Set<string>;
  onToggle(name: string): void;
  swatch?: boolean;
}

function CheckList({ title, entries, hidden, onToggle, swatch }: CheckListProps) {
  return (
    <>
      <h3>{title}</h3>
      {entries.map(([name, count]) => (
        <label key={name}>
          <input type="checkbox" checked={!hidden.has(name)} onChange={() => onToggle(name)} />
          {swatch && <span className="swatch" style={{ background: kindStyle(name).color }} />}
          {name} <span className="count">{count}</span>
        </label>
      ))}
    </>
  );
}

interface Props {
  labels: [string, number][];
  types: [string, number][];
  hiddenLabels: Set<string>;
  hiddenTypes: Set<string>;
  onToggleLabel(label: string): void;
  onToggleType(type: string): void;
}

/** The legend of kinds on the canvas, doubling as label and relationship-type filters with counts. */
export function FilterPanel(props: Props) {
  return (
    <section className="filters" aria-label="Legend and filters">
      <CheckList
        title="Kinds"
        entries={props.labels}
        hidden={props.hiddenLabels}
        onToggle={props.onToggleLabel}
        swatch
      />
      <CheckList title="Relationships" entries={props.types} hidden={props.hiddenTypes} onToggle={props.onToggleType} />
      {!props.labels.length && <p className="hint">The canvas is empty: search above, or run a saved query.</p>}
    </section>
  );
}
