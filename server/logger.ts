import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/** JSON lines on standard output: one per request (see app.ts) and one per notable event. */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({ level, base: { service: 'entente' } });
}
