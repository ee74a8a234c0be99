/** How the console shows a syntax error's place. */

/**
 * Neo4j's message without its own "(line …, column … (offset: …))": it counts from a prefix the server adds
 * before planning, so it would contradict the position shown beside it.
 */
export function withoutNeo4jPosition(message: string): string {
  return message.replace(/\s*\(line \d+, column \d+ \(offset: \d+\)\)/g, '').trim();
}

/** The line of the query with the error, and a caret under its column. */
export function caretUnder(query: string, { line, column }: { line: number; column: number }): string {
  const text = query.split('\n')[line - 1] ?? '';
  return `${text}\n${' '.repeat(Math.max(0, column - 1))}^`;
}
