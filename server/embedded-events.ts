import type { Logger } from './logger.js';
import type { EmbeddedEvents } from './neo4j/embedded.js';

export interface EmbeddedHooks {
  /** After each restart (the database is warmed up again). */
  restarted(): void;
  /** Stops serving and exits the process with this code. */
  exit(code: number): void;
}

/**
 * What the server does when the embedded database's supervisor reports. When it gives up (the JVM kept
 * exiting, see embedded.ts), the process exits with code 1 instead of answering 503 for ever: an outside
 * supervisor (systemd, Docker, Kubernetes) that watches the process then starts it again.
 */
export function embeddedEvents(logger: Logger, hooks: EmbeddedHooks): EmbeddedEvents {
  return {
    restarting: (reason, attempt, delayMs) =>
      logger.warn({ reason, attempt, delayMs }, `Embedded Neo4j ${reason}; restarting in ${delayMs / 1000} s`),
    restarted: (pid, attempt) => {
      logger.info({ pid, attempt }, 'Embedded Neo4j restarted');
      hooks.restarted();
    },
    gaveUp: (reason) => {
      logger.fatal(
        { reason },
        'Embedded Neo4j will not be restarted again; exiting so that a supervisor restarts Entente',
      );
      console.error(`${reason}; exiting`);
      hooks.exit(1);
    },
  };
}
