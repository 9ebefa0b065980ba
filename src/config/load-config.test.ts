import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';
import { renderConfigDocs } from './render-config-docs.js';

describe('loadConfig', () => {
  it('applies defaults, then env, then flags', () => {
    const config = loadConfig({
      env: { PORT: '9001', TARGET_URL: 'http://localhost:3000' },
      flags: { port: '9002' },
    });
    expect(config.port).toBe(9002);
    expect(config.target).toBe('http://localhost:3000');
    expect(config.host).toBe('127.0.0.1');
    expect(config.db).toBe('adaptive-mock.db');
    expect(config.explicit).toContain('port');
    expect(config.explicit).not.toContain('learning');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every invalid value at once', () => {
    try {
      loadConfig({ env: { PORT: 'eighty', LEARNING: 'maybe', LOG_LEVEL: 'loud' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.join('\n')).toMatch(/PORT must be a whole number/);
      expect(problems.join('\n')).toMatch(/LEARNING must be true or false/);
    }
  });

  // Team mode: the URL is a secret, so the problem must not echo it.
  it.each([
    ['postgres://u:hunter2@db/mock', undefined],
    ['postgresql://db/mock?schema=team', undefined],
    ['mysql://u:hunter2@db/mock', /must be a postgres:\/\/ URL/],
  ])('checks DATABASE_URL %s', (url, problem) => {
    if (!problem) return expect(loadConfig({ env: { DATABASE_URL: url } }).databaseUrl).toBe(url);
    expect(() => loadConfig({ env: { DATABASE_URL: url } })).toThrow(problem);
    expect(() => loadConfig({ env: { DATABASE_URL: url } })).not.toThrow(/hunter2/);
  });

  it('rejects an admin port equal to the proxy port', () => {
    expect(() => loadConfig({ env: { PORT: '9000', ADMIN_PORT: '9000' } })).toThrow(
      /admin-port must differ/,
    );
  });
});

describe('docs/configuration.md', () => {
  it('matches the option schema (run npm run docs:config after changing options)', () => {
    const docs = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
    expect(docs).toBe(renderConfigDocs());
  });
});
