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

describe('loadConfig: accounts and the store', () => {
  function errorOf(env: NodeJS.ProcessEnv): string {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    throw new Error('no error');
  }

  it('When nothing is set, then accounts are off on loopback and the store is the embedded PostgreSQL', () => {
    const config = loadConfig({});
    expect(config.auth.enabled).toBe(false);
    expect(config.store.url).toBeUndefined();
    expect(config.store.embedded.home).toBe(path.join(projectRoot, '.data/postgres'));
  });

  it.each(['0.0.0.0', '192.168.1.20', '::'])(
    'When HOST is %s without ENTENTE_AUTH=on, then start-up stops with one line naming the setting',
    (host) => {
      const message = errorOf({ HOST: host });
      expect(message.split('\n')).toHaveLength(1);
      expect(message).toContain('ENTENTE_AUTH');
      expect(loadConfig({ HOST: host, ENTENTE_AUTH: 'on' }).auth.enabled).toBe(true);
    },
  );

  it('When the retired ENTENTE_API_TOKEN is set, then the error says what replaces it', () => {
    expect(errorOf({ ENTENTE_API_TOKEN: 'x'.repeat(20) })).toMatch(/ENTENTE_API_TOKEN is retired.*API key/);
  });

  it.each([
    ['DATABASE_URL', 'mysql://localhost/entente'],
    ['ENTENTE_ADMIN_PASSWORD', 'short'],
    ['ENTENTE_AUTH', 'yes'],
    ['OIDC_ROLE_MAP', 'admins=superuser'],
  ])('When %s is %j, then the error names the variable', (variable, value) => {
    const message = errorOf({ [variable]: value });
    expect(message).toContain(variable);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('When OIDC_ROLE_MAP maps claims to roles, then it is read as pairs', () => {
    const config = loadConfig({
      OIDC_ISSUER: 'https://id.example.org',
      OIDC_CLIENT_ID: 'entente',
      OIDC_ROLE_MAP: 'entente-admins=admin, staff=analyst',
    });
    expect(config.auth.oidc?.roleMap).toEqual([
      ['entente-admins', 'admin'],
      ['staff', 'analyst'],
    ]);
  });
});
