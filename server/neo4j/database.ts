import neo4j, {
  type Driver,
  type EagerResult,
  type Record as Neo4jRecord,
  type RecordShape,
  type ResultSummary,
  type RoutingControl,
} from 'neo4j-driver';

export interface ConnectionSettings {
  uri: string;
  user: string;
  password: string;
  /** Unset means: the server's default database. */
  database: string | undefined;
  queryTimeoutMs: number;
}

export type Parameters = Record<string, unknown>;

/**
 * The one way the server talks to Neo4j: a single long-lived driver, every query on the configured
 * database, reads routed to readers (so clusters and Aura spread them) and bounded by a timeout.
 */
export class Database {
  readonly driver: Driver;

  constructor(
    readonly settings: ConnectionSettings,
    options: { maxConnections?: number } = {},
  ) {
    const auth = settings.password ? neo4j.auth.basic(settings.user, settings.password) : undefined;
    this.driver = neo4j.driver(settings.uri, auth, {
      userAgent: 'entente',
      maxConnectionPoolSize: options.maxConnections ?? 50,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      // The driver's default (30 s of retries) outlives an HTTP request; fail over to a 503 sooner.
      maxTransactionRetryTime: 3_000,
    });
  }

  read<R extends RecordShape = RecordShape>(cypher: string, parameters: Parameters = {}): Promise<EagerResult<R>> {
    return this.run<R>(cypher, parameters, neo4j.routing.READ);
  }

  write<R extends RecordShape = RecordShape>(cypher: string, parameters: Parameters = {}): Promise<EagerResult<R>> {
    return this.run<R>(cypher, parameters, neo4j.routing.WRITE);
  }

  private run<R extends RecordShape>(
    cypher: string,
    parameters: Parameters,
    routing: RoutingControl,
  ): Promise<EagerResult<R>> {
    return this.driver.executeQuery<EagerResult<R>>(cypher, parameters, {
      routing,
      database: this.settings.database,
      transactionConfig: { timeout: this.settings.queryTimeoutMs },
    });
  }

  /** Plans a query without running it (EXPLAIN), returning its query type and plan. */
  async explain(cypher: string, parameters: Parameters = {}): Promise<ResultSummary> {
    const { summary } = await this.run(`EXPLAIN ${cypher}`, parameters, neo4j.routing.READ);
    return summary;
  }

  /**
   * Runs a read in a READ transaction and streams at most `maxRows` records, so a query returning
   * millions of rows costs no more than its first page; `truncated` says whether more were there.
   */
  async readBounded(
    cypher: string,
    parameters: Parameters,
    options: { maxRows: number; timeoutMs: number },
  ): Promise<{ keys: string[]; records: Neo4jRecord[]; truncated: boolean }> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(
        async (tx) => {
          const result = tx.run(cypher, parameters);
          const records: Neo4jRecord[] = [];
          let truncated = false;
          for await (const record of result) {
            if (records.length === options.maxRows) {
              truncated = true;
              break;
            }
            records.push(record);
          }
          return { keys: [...(await result.keys())], records, truncated };
        },
        { timeout: options.timeoutMs },
      );
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
