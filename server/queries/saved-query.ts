import neo4j from 'neo4j-driver';
import { parse } from 'yaml';
import { z } from 'zod';
import { isoDate } from '../http/route.js';

/**
 * `nodeId`: an API node id, resolved before the run; the query receives the node's elementId (match it
 * with `elementId(n) = $param`), so it works whatever the database's ids look like. `label`,
 * `relationshipType` and `propertyKey`: a name of this database, checked against its own lists.
 */
export const parameterTypes = [
  'string',
  'number',
  'boolean',
  'date',
  'nodeId',
  'label',
  'relationshipType',
  'propertyKey',
] as const;

type ParameterType = (typeof parameterTypes)[number];

/** The values a parameter of each type takes, before any list of allowed values. */
const valueOfType: Record<ParameterType, z.ZodType<unknown>> = {
  string: z.string(),
  number: z.number(),
  boolean: z.boolean(),
  date: isoDate,
  nodeId: z.string().min(1),
  label: z.string().min(1),
  relationshipType: z.string().min(1),
  propertyKey: z.string().min(1),
};

/** A parameter's default and allowed values are values of its type: a run never meets one it cannot use. */
export const parameterSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a Cypher parameter name'),
    type: z.enum(parameterTypes),
    description: z.string().optional(),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    values: z
      .array(z.union([z.string(), z.number()]))
      .min(1)
      .optional(),
  })
  .superRefine((parameter, context) => {
    const type = valueOfType[parameter.type];
    parameter.values?.forEach((value, index) => {
      if (!type.safeParse(value).success) {
        context.addIssue({ code: 'custom', path: ['values', index], message: `is not a ${parameter.type}` });
      }
    });
    if (parameter.default === undefined) return;
    if (!type.safeParse(parameter.default).success) {
      context.addIssue({ code: 'custom', path: ['default'], message: `is not a ${parameter.type}` });
    } else if (parameter.values && !parameter.values.includes(parameter.default as string | number)) {
      context.addIssue({ code: 'custom', path: ['default'], message: 'is not one of the allowed values' });
    }
  })
  .openapi('QueryParameter');

export type QueryParameter = z.infer<typeof parameterSchema>;

const requirementsSchema = z.strictObject({
  labels: z.array(z.string()).default([]),
  relationshipTypes: z.array(z.string()).default([]),
});

const headerSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(''),
  parameters: z.array(parameterSchema).default([]),
  /** Shipped queries written for one model list what they need; others are hidden where it is missing. */
  requires: requirementsSchema.optional(),
});

export type QueryRequirements = z.infer<typeof requirementsSchema>;

export interface SavedQuery {
  id: string;
  name: string;
  description: string;
  parameters: QueryParameter[];
  query: string;
  origin: 'shipped' | 'user';
  requires?: QueryRequirements;
  /** Users' queries only: bumped on every change, for optimistic concurrency. */
  version?: number;
}

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
  const base = valueOfType[parameter.type];
  const values = parameter.values;
  if (!values) return base;
  return base.refine((value) => values.includes(value as string | number), {
    message: `must be one of ${values.join(', ')}`,
  });
}

/**
 * Checks run parameters against the declared ones (defaults filled in, unknown names refused) and
 * converts dates to Cypher dates. Errors name the parameter.
 */
export function parseRunParameters(query: SavedQuery, given: Record<string, unknown>): Record<string, unknown> {
  const shape = Object.fromEntries(
    query.parameters.map((parameter) => {
      const schema = valueSchema(parameter);
      return [parameter.name, parameter.default === undefined ? schema : schema.prefault(parameter.default)];
    }),
  );
  const parsed = z.strictObject(shape).parse(given) as Record<string, unknown>;
  for (const parameter of query.parameters) {
    const value = parsed[parameter.name];
    if (parameter.type === 'date' && typeof value === 'string') {
      const [year, month, day] = value.split('-').map(Number);
      parsed[parameter.name] = new neo4j.types.Date(year!, month!, day!);
    }
  }
  return parsed;
}
