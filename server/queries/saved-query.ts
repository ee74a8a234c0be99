import { cypherDate } from '../graph/as-of.js';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  parameterValueSchemas,
  queryParameterSchema,
  type QueryParameter,
  type savedQuerySchema,
} from '../graph/graph.schemas.js';

const requirementsSchema = z.strictObject({
  labels: z.array(z.string()).default([]),
  relationshipTypes: z.array(z.string()).default([]),
});

const headerSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(''),
  parameters: z.array(queryParameterSchema).default([]),
  /** Shipped queries written for one model list what they need; others are hidden where it is missing. */
  requires: requirementsSchema.optional(),
});

export type QueryRequirements = z.infer<typeof requirementsSchema>;

/** A saved query as the API shows it, with what a shipped one needs of the database. */
export type SavedQuery = z.infer<typeof savedQuerySchema> & { requires?: QueryRequirements };

/**
 * Reads a shipped query file: a header of `//` comment lines holding YAML (name, description,
 * parameters), then the Cypher.
 */
export function parseQueryFile(id: string, text: string): SavedQuery {
  const lines = text.split('\n');
  const headerLines: string[] = [];
  while (lines.length && lines[0]!.startsWith('//')) headerLines.push(lines.shift()!.replace(/^\/\/ ?/, ''));
  const file = `cypher/queries/${id}.cypher`;
  let yaml: unknown;
  try {
    yaml = parse(headerLines.join('\n'));
  } catch (error) {
    throw new Error(`${file}: the header is not valid YAML: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
    });
  }
  const header = headerSchema.safeParse(yaml);
  if (!header.success) {
    const issue = header.error.issues[0];
    throw new Error(`${file}: bad header: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return { id, ...header.data, query: lines.join('\n').trim(), origin: 'shipped' };
}

function valueSchema(parameter: QueryParameter): z.ZodType<unknown> {
  const base = parameterValueSchemas[parameter.type];
  const values = parameter.values;
  if (!values) return base;
  return base.refine((value) => values.includes(value as string | number), {
    message: `must be one of ${values.join(', ')}`,
  });
}

/**
 * Checks run parameters against the declared ones (defaults filled in, unknown names refused) and
 * converts dates to Cypher dates. Errors name the parameter. Names come from users, so they are looked up
 * in maps and the answer has no prototype: a parameter named `toString`, `constructor` or `__proto__` is a
 * parameter like any other, never something every object inherits.
 */
export function parseRunParameters(query: SavedQuery, given: Record<string, unknown>): Record<string, unknown> {
  const values = new Map(Object.entries(given));
  const declared = new Map(query.parameters.map((parameter) => [parameter.name, parameter]));
  const issues: z.core.$ZodIssue[] = [];
  const unknown = [...values.keys()].filter((name) => !declared.has(name));
  if (unknown.length) {
    issues.push({
      code: 'unrecognized_keys',
      keys: unknown,
      path: [],
      input: given,
      message: `Unrecognized key(s): ${unknown.join(', ')}`,
    });
  }
  const parsed: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const parameter of query.parameters) {
    const schema = valueSchema(parameter);
    const result = (parameter.default === undefined ? schema : schema.prefault(parameter.default)).safeParse(
      values.get(parameter.name),
    );
    if (!result.success) {
      issues.push(...result.error.issues.map((issue) => ({ ...issue, path: [parameter.name, ...issue.path] })));
      continue;
    }
    let value = result.data;
    if (parameter.type === 'date' && typeof value === 'string') {
      value = cypherDate(value);
    }
    // A data property even for `__proto__`, which assignment would take as the object's prototype.
    Object.defineProperty(parsed, parameter.name, { value, enumerable: true, writable: true, configurable: true });
  }
  if (issues.length) throw new z.ZodError(issues);
  return parsed;
}
