import { useEffect, useMemo, useRef, useState } from 'react';
import { own } from '../app/records';
import { formatDate } from '../inspect/format';
import { datedKeysOf, namesOf, type DatedItem } from './dating';
import { dateOf } from './time';
import type { DatingState } from './useDating';

const since = '';

/** A date seen under a key, as people read it: "released (1999)", "at (2 March 1998)". */
const example = (value: unknown) => formatDate(dateOf(value)!, typeof value === 'number' ? 'year' : undefined);

interface KeyOptionsProps {
  dated: { key: string; example: unknown }[];
  others: string[];
}

/** The keys to pick from: those whose values on the canvas are dates first, then every other key of the database. */
function KeyOptions({ dated, others }: KeyOptionsProps) {
  return (
    <>
      {dated.length > 0 && (
        <optgroup label="Dates on the canvas">
          {dated.map(({ key, example: value }) => (
            <option key={key} value={key}>
              {`${key} (${example(value)})`}
            </option>
          ))}
        </optgroup>
      )}
      {others.length > 0 && (
        <optgroup label="Other property keys">
          {others.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </optgroup>
      )}
    </>
  );
}

interface RowProps {
  name: string;
  kind: 'label' | 'type';
  items: DatedItem[];
  propertyKeys: string[];
  state: DatingState;
}

function DatingRow({ name, kind, items, propertyKeys, state }: RowProps) {
  const { dating, choices, guessed, choose } = state;
  const dated = useMemo(() => datedKeysOf(items, name), [items, name]);
  const current = own(dating, name);
  // A key the database no longer lists still shows while it is chosen.
  const others = [...new Set([...propertyKeys, current?.start, current?.end])]
    .filter((key): key is string => !!key && !dated.some((entry) => entry.key === key))
    .sort();
  const chosen = Object.hasOwn(choices, name);
  const how = chosen ? 'your choice' : Object.hasOwn(guessed, name) ? 'guessed from the canvas' : 'the default';
  return (
    <tr>
      <th scope="row">
        {name} <span className="meta">{kind}</span>
      </th>
      <td>
        <select
          aria-label={`${name} begins`}
          value={current?.start ?? since}
          onChange={(event) =>
            choose(name, event.target.value === since ? null : { start: event.target.value, end: current?.end })
          }
        >
          <option value={since}>since</option>
          <KeyOptions dated={dated} others={others} />
        </select>
      </td>
      <td>
        <select
          aria-label={`${name} ends`}
          value={current ? (current.end ?? '') : 'until'}
          disabled={!current}
          onChange={(event) => choose(name, { start: current!.start, end: event.target.value || undefined })}
        >
          {current ? <option value="">no end</option> : <option value="until">until</option>}
          {current && (
            <KeyOptions
              dated={dated.filter((entry) => entry.key !== current.start)}
              others={others.filter((key) => key !== current.start)}
            />
          )}
        </select>
      </td>
      <td className="meta">
        {how}
        {chosen && (
          <>
            {' '}
            <button className="link" onClick={() => choose(name, undefined)} aria-label={`Undo my choice for ${name}`}>
              undo
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

export interface DatingProps {
  /** The nodes and relationships on the canvas: their values suggest the keys that hold dates. */
  items: DatedItem[];
  state: DatingState;
}

/**
 * The dialog the time bar's Dates button opens: per label and relationship type, which property says when it
 * began and which when it ended. The canvas's labels and types are listed; any other of the database's can be
 * added.
 */
export function DatingDialog({ items, state, onClose }: DatingProps & { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [added, setAdded] = useState<string[]>([]);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const { schema } = state;
  const labels = new Set(schema?.labels.map((label) => label.name));
  const types = new Set(schema?.relationshipTypes.map((type) => type.name));
  // The canvas's names, those chosen before and those added here; the database's others wait in "Add". What is
  // drawn is listed even when the schema read before it was loaded does not know it yet.
  const known = (name: string) => !schema || labels.has(name) || types.has(name);
  const listed = [
    ...new Set([...items.flatMap(namesOf).sort(), ...[...Object.keys(state.choices).sort(), ...added].filter(known)]),
  ];
  const addable = [...labels, ...types].filter((name) => !listed.includes(name)).sort();
  const propertyKeys = schema?.propertyKeys ?? [];
  return (
    <dialog ref={dialog} className="dating" aria-labelledby="dating-title" onClose={onClose}>
      <h2 id="dating-title">Dates</h2>
      <p className="hint">
        Which property says when each kind of node and relationship began, and which when it ended (the first day it no
        longer holds). As of, Compare, the timeline and the histogram read them. Kept in this browser for this database
        and in shared links.
      </p>
      <div className="dating-rows">
        <table>
          <thead>
            <tr>
              <th scope="col">Label or type</th>
              <th scope="col">Begins</th>
              <th scope="col">Ends</th>
              <th scope="col">Set by</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((name) => (
              <DatingRow
                key={name}
                name={name}
                kind={
                  labels.has(name) || items.some((item) => namesOf(item).includes(name) && !('type' in item))
                    ? 'label'
                    : 'type'
                }
                items={items}
                propertyKeys={propertyKeys}
                state={state}
              />
            ))}
          </tbody>
        </table>
      </div>
      <footer>
        {addable.length > 0 && (
          <select
            aria-label="Add a label or type"
            value=""
            onChange={(event) => setAdded([...added, event.target.value])}
          >
            <option value="">Add a label or type…</option>
            {addable.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
        <button onClick={() => dialog.current?.close()}>Done</button>
      </footer>
    </dialog>
  );
}
