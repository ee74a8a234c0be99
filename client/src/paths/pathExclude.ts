/**
 * Which relationship types a path search never steps through. Provenance relationships (MENTIONED_IN: where a
 * fact is written, not how two parties are connected) are left out by default; the user marks others, or
 * lets them back in. The choice is kept per database in this browser and in shared links.
 */

/** The types GET /api/paths leaves out when it is not told otherwise (server/paths/paths.routes.ts). */
export const provenanceTypes = ['MENTIONED_IN'];

/**
 * What is never stepped through before the user chooses: the provenance types this database has, where it
 * has the dataset's model (MENTIONED_IN to Source documents); nothing on other graphs.
 */
export function defaultExclude(types: string[], datasetModel: boolean): string[] {
  return datasetModel ? provenanceTypes.filter((type) => types.includes(type)) : [];
}

/** A kept or linked choice, if it is a list of type names. */
export function readExclude(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/**
 * The `exclude` to send: nothing while the user has not chosen (the server's default applies), otherwise the
 * choice, less any type this database does not have (a link from another database would be refused).
 */
export function excludeToSend(choice: string[] | undefined, types: string[] | undefined): string[] | undefined {
  if (!choice) return undefined;
  return types ? choice.filter((type) => types.includes(type)) : choice;
}

/** The choice after ticking or unticking one type, in the database's order. */
export function toggleExclude(excluded: string[], type: string, types: string[]): string[] {
  const next = new Set(excluded);
  if (next.has(type)) next.delete(type);
  else next.add(type);
  return types.filter((name) => next.has(name));
}

const storageKey = (database: string) => `entente.pathExclude.${database}`;

export function loadExclude(database: string): string[] | undefined {
  try {
    const kept = globalThis.localStorage?.getItem(storageKey(database));
    return kept ? readExclude(JSON.parse(kept)) : undefined;
  } catch {
    return undefined;
  }
}

export function saveExclude(database: string, excluded: string[]): void {
  try {
    globalThis.localStorage?.setItem(storageKey(database), JSON.stringify(excluded));
  } catch {
    // Storage full or refused: the choice holds for this visit and in the link.
  }
}
