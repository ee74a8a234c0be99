import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

/**
 * The one mapping format of imports (API, explorer and CLI alike): how the rows of a table become nodes or
 * relationships, their property types, dates and sources. Files in a graph's own shape (the API's Graph JSON,
 * GraphML, GEXF) need none; for them `graph` may name the default label and relationship type.
 */
export const propertyTypes = ['text', 'integer', 'float', 'boolean', 'date', 'datetime', 'list'] as const;
export type PropertyType = (typeof propertyTypes)[number];

/** Labels and types Entente keeps for itself, and keys of its own bookkeeping: refused in any file. */
const reservedLabel = /^_entente/i;

/** A label, relationship type or property key a file supplies: any text Neo4j takes, Entente's own refused. */
export const graphName = (what: string) =>
  z
    .string()
    .min(1, `a ${what} cannot be empty`)
    .max(200, `a ${what} is at most 200 characters`)
    .refine(
      (name) => ![...name].some((character) => character.charCodeAt(0) < 32),
      `a ${what} cannot hold control characters`,
    )
    .refine((name) => !reservedLabel.test(name), `a ${what} named like Entente's own (_Entente…) is refused`);

const column = z.string().min(1).max(500);

const endpointSchema = z.strictObject({
  column,
  /** The label of the nodes matched (recommended: lookups then use its index). */
  label: graphName('label').optional(),
  /** Match the column against nodes' `id`, or against their caption (`name` unless `captionKey`). */
  match: z.enum(['id', 'caption']).default('id'),
  captionKey: graphName('property key').default('name'),
});

export const mappingSchema = z
  .strictObject({
    format: z.enum(['csv', 'tsv', 'json', 'graphml', 'gexf']).optional().openapi({
      description: 'Read from the file name when absent',
    }),
    /** CSV: the delimiter; detected when absent. */
    delimiter: z.string().min(1).max(4).optional(),
    /** Rows become nodes: their label(s), id column(s) (a composite is joined with `:`) and caption. */
    nodes: z
      .strictObject({
        labels: z.array(graphName('label')).min(1).max(10),
        id: z.union([column, z.array(column).min(1).max(10)]),
        caption: column.optional(),
      })
      .optional(),
    /** Rows become relationships: their type and how each end finds its node. */
    relationships: z
      .strictObject({
        type: graphName('relationship type'),
        from: endpointSchema,
        to: endpointSchema,
        /** A column giving each relationship's id; else `<from>_<type>_<to>`. */
        id: column.optional(),
      })
      .optional(),
    /** Columns to keep as properties, each with its type; a column absent here is not imported. */
    properties: z.record(column, z.enum(propertyTypes)).default({}),
    /** Renames: column → property key (the column's own name otherwise). */
    keys: z.record(column, graphName('property key')).default({}),
    /** Columns that date each fact: `since` and the last period it holds in (stored `until` is exclusive). */
    dating: z.strictObject({ start: column.optional(), end: column.optional() }).optional(),
    /** Which document states each fact: a column (several separated by `;`) or one constant for the file. */
    source: z
      .strictObject({ column: column.optional(), constant: z.string().min(1).max(500).optional() })
      .refine((source) => !!source.column !== !!source.constant, 'give either a column or a constant')
      .optional(),
    /** A column holding each fact's claim; else one is written from the caption and the file. */
    claim: column.optional(),
    /** Graph-shaped files: the label of nodes that name none, and the type of edges that name none. */
    graph: z
      .strictObject({
        label: graphName('label').default('Node'),
        type: graphName('relationship type').default('LINKED_TO'),
      })
      .optional(),
  })
  .refine((mapping) => !(mapping.nodes && mapping.relationships), {
    message: 'a mapping makes nodes or relationships from a file, not both',
  })
  .openapi('ImportMapping');

export type Mapping = z.infer<typeof mappingSchema>;
export type Endpoint = z.infer<typeof endpointSchema>;

export const formats = ['csv', 'tsv', 'json', 'graphml', 'gexf'] as const;
export type Format = (typeof formats)[number];

/** The format a mapping names, else the one the file name's extension says. */
export function formatOf(fileName: string, mapping: Mapping): Format | undefined {
  if (mapping.format) return mapping.format;
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'txt') return 'csv';
  return formats.find((format) => format === extension);
}

/** Whether a format carries its own graph shape (no mapping needed). */
export function isGraphFormat(format: Format): boolean {
  return format === 'graphml' || format === 'gexf';
}
