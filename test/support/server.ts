import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachClientErrorHandler } from '../../server/http/problem.js';
import type { Database } from '../../server/neo4j/database.js';
import { testApp } from './app.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** The real app listening on a free loopback port, as `npm start` serves it (for concurrent clients). */
export async function listenTestApp(db: Database, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const server: Server = testApp(db, env).listen(0, '127.0.0.1');
  attachClientErrorHandler(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
