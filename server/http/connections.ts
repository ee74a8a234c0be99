import type { Socket } from 'node:net';
import type { Server } from 'node:http';

/** How long an answer may wait for its client to read before the connection is closed. */
export const defaultWriteIdleMs = 30_000;

const writeIdleMs = new WeakMap<Server, number>();

/** Gives a server another write idle timeout than the default (tests use a short one). */
export function setWriteIdleTimeout(server: Server, ms: number): void {
  writeIdleMs.set(server, ms);
}

/**
 * Closes the connection if the answer being written does not move for the server's write idle timeout
 * (a client that sent a request and never reads), and lifts the limit once the answer has gone out, so
 * the next request on the connection may take its time. Node has no write timeout of its own, and
 * without one such a client keeps the answer in this process for as long as it keeps the socket open.
 */
export function limitWriteStall(socket: Socket | null): () => void {
  if (!socket) return () => {};
  const server = (socket as Socket & { server?: Server }).server;
  const ms = (server && writeIdleMs.get(server)) ?? defaultWriteIdleMs;
  // With no 'timeout' listener on the request, response or server, Node destroys the socket.
  socket.setTimeout(ms);
  // Once the answer is out, Node may have set the keep-alive timeout instead: that one stays.
  return () => {
    if (socket.timeout === ms) socket.setTimeout(server?.timeout ?? 0);
  };
}
