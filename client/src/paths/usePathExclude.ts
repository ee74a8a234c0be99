import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { schemaQuery } from '../api/queries';
import { hasDatasetModel } from '../app/dataset';
import { databaseKey } from '../time/dating';
import { defaultExclude, excludeToSend, loadExclude, saveExclude } from './pathExclude';

export interface PathExclusion {
  /** The database's relationship types, to choose from (empty until the schema is read). */
  types: string[];
  /** The types never stepped through now: the choice, else the default. */
  excluded: string[];
  /** What the user (or the link) chose; undefined while the default holds. Kept in the URL. */
  choice?: string[];
  /** The `exclude` to send with a path search. */
  sent?: string[];
  /** False while a choice waits for the schema to be checked against: a search would be refused or redone. */
  ready: boolean;
  choose: (excluded: string[]) => void;
}

/**
 * The types path searches never step through, like the dating choices: chosen per database, kept in this
 * browser, and a shared link's choice wins over the kept one for its view.
 */
export function usePathExclude(linked: string[] | undefined): PathExclusion {
  const schema = useQuery(schemaQuery()).data;
  const database = schema && databaseKey(schema);
  const types = useMemo(() => (schema?.relationshipTypes ?? []).map((type) => type.name).sort(), [schema]);
  const [edited, setEdited] = useState<{ database: string; excluded: string[] }>();
  const choice = useMemo(
    () =>
      edited && edited.database === database
        ? edited.excluded
        : (linked ?? (database ? loadExclude(database) : undefined)),
    [edited, database, linked],
  );
  const sent = useMemo(() => excludeToSend(choice, schema && types), [choice, schema, types]);
  const choose = useCallback(
    (excluded: string[]) => {
      if (!database) return;
      setEdited({ database, excluded });
      saveExclude(database, excluded);
    },
    [database],
  );
  return {
    types,
    excluded: sent ?? defaultExclude(types, hasDatasetModel(schema)),
    choice,
    sent,
    ready: !choice || !!schema,
    choose,
  };
}
