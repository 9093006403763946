import { ConfigurationError, validateEnv } from './env.schema';

const SECRETS = { JWT_SECRET: 'j'.repeat(32), API_KEY_PEPPER: 'p'.repeat(32) };

function problemsOf(raw: Record<string, string>): string[] {
  try {
    validateEnv(raw);
    return [];
  } catch (error) {
    return (error as ConfigurationError).problems;
  }
}

describe('validateEnv', () => {
  it('applies the documented defaults', () => {
    const env = validateEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      LOG_LEVEL: 'info',
      MIGRATIONS_RUN: true,
      DATABASE_POOL_MAX: 20,
      DATAHUB_DATA_DIR: './.datahub',
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('parses numbers and booleans from strings', () => {
    expect(validateEnv({ PORT: '8080', MIGRATIONS_RUN: 'false' })).toMatchObject({ PORT: 8080, MIGRATIONS_RUN: false });
  });

  it('names every invalid variable at once', () => {
    const problems = problemsOf({
      PORT: '70000',
      LOG_LEVEL: 'loud',
      REDIS_URL: 'http://x',
      DATABASE_URL: 'mysql://db',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual(
      expect.arrayContaining(['PORT', 'LOG_LEVEL', 'REDIS_URL', 'DATABASE_URL']),
    );
  });

  it('requires strong secrets outside embedded mode', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://db/x' })).toEqual([
      'JWT_SECRET is required when DATABASE_URL is set (at least 32 characters)',
      'API_KEY_PEPPER is required when DATABASE_URL is set (at least 32 characters)',
    ]);
    expect(problemsOf({ DATABASE_URL: 'postgres://db/x', ...SECRETS, JWT_SECRET: 'short' })).toEqual([
      'JWT_SECRET must be at least 32 characters',
    ]);
    expect(problemsOf({ DATABASE_URL: 'postgres://db/x', ...SECRETS })).toEqual([]);
  });

  it('rejects conflicting Redis settings and a half-configured bootstrap admin', () => {
    expect(problemsOf({ REDIS_URL: 'redis://r:6379', REDIS_CLUSTER_NODES: 'a:1,b:2' })).toEqual([
      'REDIS_URL and REDIS_CLUSTER_NODES are exclusive; set one',
    ]);
    expect(problemsOf({ ADMIN_EMAIL: 'a@b.c' })).toEqual(['ADMIN_EMAIL and ADMIN_PASSWORD must be set together']);
  });
});
