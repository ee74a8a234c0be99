import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  type Node as Neo4jNode,
  type Path as Neo4jPath,
  type Relationship as Neo4jRelationship,
} from 'neo4j-driver';
import type { ApiEdge, ApiGraph, ApiNode } from './graph.schemas.js';
import { NodeIdentity, unusableAsKey } from './identity.js';

export type { ApiEdge, ApiGraph, ApiNode } from './graph.schemas.js';

/** Properties tried in order for a node's display name. */
export const captionKeys = ['name', 'title', 'caption', 'label', 'displayName', 'fullName', 'username', 'code'];

/**
 * Converts any value the driver returns into plain JSON: integers become numbers (strings beyond 2^53,
 * rather than losing digits), temporal values ISO strings, graph entities the API shapes (with the ids
 * of `graph` when given, so rows and the graph built from them agree).
 */
export function toJson(value: unknown, graph?: GraphBuilder): unknown {
  // Most property values are text, numbers and booleans: answered before the driver's type checks.
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value === null || value === undefined) return null;
  if (isInt(value)) return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (isPoint(value)) {
    return { srid: toJson(value.srid), x: value.x, y: value.y, ...(value.z === undefined ? {} : { z: value.z }) };
  }
  const builder = graph ?? new GraphBuilder(new NodeIdentity());
  if (isNode(value)) return builder.node(value);
  if (isRelationship(value)) return builder.edge(value);
  if (isPath(value)) return new GraphBuilder(builder.identity).addPath(value).build();
  if (Array.isArray(value)) return value.map((item) => toJson(item, graph));
  if (typeof value === 'object') {
    const plain: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const entry = toJson((value as Record<string, unknown>)[key], graph);
      // A key named `__proto__` is defined as data, so it stays a key rather than setting the prototype.
      if (key === '__proto__') {
        Object.defineProperty(plain, key, { value: entry, enumerable: true, writable: true, configurable: true });
      } else plain[key] = entry;
    }
    return plain;
  }
  return value;
}

function toProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return toJson(properties) as Record<string, unknown>;
}

function captionOf(labels: string[], properties: Record<string, unknown>, id: string): string {
  for (const key of captionKeys) {
    const value = properties[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return `${labels[0] ?? 'Node'} ${id}`;
}

export function toApiNode(node: Neo4jNode, identity: NodeIdentity): ApiNode {
  const id = identity.keyOf(node);
  const properties = toProperties(node.properties);
  return { id, labels: [...node.labels], caption: captionOf(node.labels, properties, id), properties };
}

/**
 * A relationship's API id: its `id` property when that is a non-empty string a URL path can carry and that does
 * not read like an elementId, else its elementId.
 */
export function relationshipApiId(properties: Record<string, unknown>, elementId: string): string {
  const id = properties.id;
  return typeof id === 'string' && id && !unusableAsKey(id) ? id : elementId;
}

/**
 * An edge's endpoints are given as API node ids, which only the nodes themselves know, so edges are
 * mapped with a lookup from elementId to API id built from the nodes returned alongside them.
 */
export function toApiEdge(relationship: Neo4jRelationship, nodeIds?: Map<string, string>): ApiEdge {
  return toApiEdgeBetween(
    relationship,
    nodeIds?.get(relationship.startNodeElementId) ?? relationship.startNodeElementId,
    nodeIds?.get(relationship.endNodeElementId) ?? relationship.endNodeElementId,
  );
}

/** A relationship in the API's shape, its ends' API ids given. */
export function toApiEdgeBetween(relationship: Neo4jRelationship, source: string, target: string): ApiEdge {
  return {
    id: relationshipApiId(relationship.properties, relationship.elementId),
    type: relationship.type,
    source,
    target,
    properties: toProperties(relationship.properties),
  };
}

/** Collects nodes and relationships once each, whatever order they arrive in. */
export class GraphBuilder {
  private readonly nodes = new Map<string, Neo4jNode>();
  private readonly relationships = new Map<string, Neo4jRelationship>();
  /** Nodes the client already holds: named as edge ends, not returned again. */
  private readonly heldNodes = new Map<string, Neo4jNode>();
  private apiIds?: Map<string, string>;

  constructor(readonly identity: NodeIdentity) {}

  /** One node in the API's shape, with this graph's ids. */
  node(node: Neo4jNode): ApiNode {
    return toApiNode(node, this.identity);
  }

  /** One relationship in the API's shape, its ends given as the ids of the nodes collected so far. */
  edge(relationship: Neo4jRelationship): ApiEdge {
    return toApiEdge(relationship, this.nodeIds());
  }

  addNode(node: Neo4jNode): this {
    this.nodes.set(node.elementId, node);
    this.apiIds = undefined;
    return this;
  }

  /** A node the client already holds, so edges to it name it by its API id without sending it again. */
  addHeldNode(node: Neo4jNode): this {
    this.heldNodes.set(node.elementId, node);
    this.apiIds = undefined;
    return this;
  }

  addRelationship(relationship: Neo4jRelationship): this {
    this.relationships.set(relationship.elementId, relationship);
    return this;
  }

  addPath(path: Neo4jPath): this {
    this.addNode(path.start);
    for (const segment of path.segments) {
      this.addNode(segment.end).addRelationship(segment.relationship);
    }
    return this;
  }

  /** Adds every node, relationship and path found anywhere inside a value (lists and maps included). */
  addAny(value: unknown): this {
    if (isNode(value)) this.addNode(value);
    else if (isRelationship(value)) this.addRelationship(value);
    else if (isPath(value)) this.addPath(value);
    else if (Array.isArray(value)) value.forEach((item) => this.addAny(item));
    else if (value && typeof value === 'object' && !isInt(value)) Object.values(value).forEach((v) => this.addAny(v));
    return this;
  }

  /** elementIds of relationship ends that were not collected as nodes. */
  missingEndpoints(): string[] {
    const missing = new Set<string>();
    for (const relationship of this.relationships.values()) {
      for (const end of [relationship.startNodeElementId, relationship.endNodeElementId]) {
        if (!this.nodes.has(end) && !this.heldNodes.has(end)) missing.add(end);
      }
    }
    return [...missing];
  }

  /** elementId → API id of the collected nodes. */
  nodeIds(): Map<string, string> {
    this.apiIds ??= new Map(
      [...this.heldNodes.values(), ...this.nodes.values()].map((node) => [node.elementId, this.identity.keyOf(node)]),
    );
    return this.apiIds;
  }

  /**
   * The graph; a relationship whose end nodes were not collected keeps elementIds as endpoints, which
   * clients can still resolve with /api/nodes/:id.
   */
  build(meta?: Record<string, unknown>): ApiGraph {
    const nodeIds = this.nodeIds();
    return {
      nodes: [...this.nodes.values()].map((node) => toApiNode(node, this.identity)),
      edges: [...this.relationships.values()].map((relationship) => toApiEdge(relationship, nodeIds)),
      ...(meta ? { meta } : {}),
    };
  }
}
