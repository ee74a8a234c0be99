import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { Schema } from '../api/api';
import { schemaQuery } from '../api/queries';
import { dict } from '../app/records';
import {
  databaseKey,
  datingInForce,
  guessDating,
  loadDatingChoices,
  saveDatingChoices,
  type DatedBy,
  type DatedItem,
  type Dating,
  type DatingChoices,
} from './dating';

export interface DatingState {
  /** What dates each label and type now: the user's choices over the guesses. */
  dating: Dating;
  choices: DatingChoices;
  guessed: Dating;
  schema?: Schema;
  /** `null` keeps since/until; `undefined` goes back to the guess. */
  choose: (name: string, datedBy: DatedBy | null | undefined) => void;
}

/**
 * Which properties date each label and type: guessed from what the canvas holds, changed by the user, kept
 * per database in this browser (a shared link's choices win over the kept ones for its view).
 */
export function useDating(items: DatedItem[], linked: DatingChoices | undefined): DatingState {
  const schema = useQuery(schemaQuery()).data;
  const database = schema && databaseKey(schema);
  const [edited, setEdited] = useState<{ database: string; choices: DatingChoices }>();
  const choices = useMemo(
    () =>
      edited && edited.database === database
        ? edited.choices
        : { ...(database ? loadDatingChoices(database) : {}), ...linked },
    [edited, database, linked],
  );
  const guessed = useMemo(() => guessDating(items), [items]);
  const inForce = useMemo(
    () =>
      datingInForce(
        choices,
        guessed,
        schema && {
          names: new Set([...schema.labels, ...schema.relationshipTypes].map((entry) => entry.name)),
          keys: new Set(schema.propertyKeys),
        },
      ),
    [choices, guessed, schema],
  );
  // The same dating stays the same object while the canvas grows, so the canvas does not restyle for nothing.
  const inForceText = JSON.stringify(inForce);
  const dating = useMemo(() => dict(Object.entries(JSON.parse(inForceText) as Dating)), [inForceText]);
  const choose = useCallback(
    (name: string, datedBy: DatedBy | null | undefined) => {
      if (!database) return;
      const next = dict(Object.entries(choices));
      if (datedBy === undefined) delete next[name];
      else next[name] = datedBy;
      setEdited({ database, choices: next });
      saveDatingChoices(database, next);
    },
    [choices, database],
  );
  return { dating, choices, guessed, schema, choose };
}
