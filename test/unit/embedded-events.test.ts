import { describe, expect, it } from 'vitest';
import { embeddedEvents } from '../../server/embedded-events.js';
import { createLogger } from '../../server/logger.js';

describe('the server hearing from the embedded database’s supervisor', () => {
  it('When the supervisor gives up, then the process exits with code 1 so an outside supervisor restarts it', () => {
    const exits: number[] = [];
    let warmUps = 0;
    const events = embeddedEvents(createLogger('silent'), {
      restarted: () => (warmUps += 1),
      exit: (code) => exits.push(code),
    });
    events.restarting('exited (SIGKILL)', 1, 1_000);
    events.restarted(1234, 1);
    expect(exits).toEqual([]);
    expect(warmUps).toBe(1);
    events.gaveUp('Embedded Neo4j exited 6 times in a row');
    expect(exits).toEqual([1]);
  });
});
