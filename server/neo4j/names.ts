/**
 * Labels, relationship types and property keys cannot be Cypher parameters. Where a query needs one
 * written out (for the planner to use an index or a node's per-type degree), the name must come from the
 * database's own list (see graph/catalog.ts) and is inserted only through these functions.
 */
export function escapeName(name: string): string {
  // Cypher decodes \uXXXX escapes in the query text before it parses names, so a backslash in a name is
  // written as the escape of a backslash (\u005C), which the decoder turns back into one and does not
  // read again; backticks are doubled.
  return '`' + name.replace(/\\/g, '\\u005C').replace(/`/g, '``') + '`';
}

/** Fills `{{placeholder}}` slots of a query template with escaped names. */
export function fillTemplate(template: string, names: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, slot: string) => {
    const name = names[slot];
    if (name === undefined) throw new Error(`Query template slot {{${slot}}} has no value`);
    return escapeName(name);
  });
}

/** Fills `{{placeholder}}` slots of a query template with whole numbers (bounds Cypher takes no parameter for). */
export function fillNumbers(template: string, numbers: Record<string, number>): string {
  let filled = template;
  for (const [slot, value] of Object.entries(numbers)) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new Error(`Query template slot {{${slot}}} needs a whole number`);
    filled = filled.replaceAll(`{{${slot}}}`, String(value));
  }
  return filled;
}

/** Replaces the line `// @<marker>` of a query with `text`. */
export function replaceMarker(query: string, marker: string, text: string): string {
  const line = new RegExp(`^[ \\t]*// @${marker}[ \\t]*$`, 'm');
  if (!line.test(query)) throw new Error(`Query has no // @${marker} line`);
  return query.replace(line, () => text);
}

/**
 * Replaces the line `// @<marker>` of a query with one copy of `fragment` per name, each with its
 * `{{slot}}` filled (escaped) with that name.
 */
export function expandEach(
  query: string,
  marker: string,
  fragment: string,
  slot: string,
  names: string[],
  separator = '\n',
) {
  return replaceMarker(query, marker, names.map((name) => fillTemplate(fragment, { [slot]: name })).join(separator));
}
