import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, projectRoot } from '../../server/config.js';

describe('loadConfig', () => {
  it('When nothing is set, then it serves on 8080 and starts the embedded database', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ port: 8080, host: '127.0.0.1' });
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.embedded.home).toBe(path.join(projectRoot, '.data/neo4j'));
    expect(config.seedOnStart).toBe(true);
  });

  it('When NEO4J_URI is a routing URI, then it is used with the given credentials and database', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abcd1234.databases.neo4j.io',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'graph',
    });
    expect(config.neo4j).toMatchObject({
      uri: 'neo4j+s://abcd1234.databases.neo4j.io',
      user: 'reader',
      password: 'secret',
      database: 'graph',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['NEO4J_URI', 'http://localhost:7474'],
    ['LOG_LEVEL', 'loud'],
    ['SEED_ON_START', 'maybe'],
    ['NEO4J_EMBEDDED_HEAP_MB', '12'],
  ])('When %s is %j, then the error is one line naming the variable and the value', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(variable);
    expect(message).toContain(JSON.stringify(value));
  });
});
