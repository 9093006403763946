import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EnvironmentVariables, validateEnv } from './env.schema';

export type RedisMode = 'single' | 'cluster' | 'memory';

interface EmbeddedSecrets {
  jwtSecret: string;
  apiKeyPepper: string;
}

/** Typed, validated configuration: the only place that reads process.env. */
export class AppConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly logLevel: string;
  /** Readable lines (a terminal) or JSON lines. */
  readonly logFormat: 'json' | 'pretty';
  readonly startupTimeoutMs: number;
  readonly migrationsRun: boolean;
  readonly timeSeriesBackend: 'auto' | 'timescaledb' | 'partitions';
  readonly requestLogRetentionDays: number;
  readonly auditRetentionDays: number;
  /** Port of the embedded PostgreSQL's wire-protocol server; 0 picks a free one. */
  readonly embeddedPostgresPort: number;
  readonly shutdownDrainMs: number;
  /** Origins a browser may call from: none by default (the console is same-origin), `*` any. */
  readonly corsOrigins: string[] | boolean;
  readonly database: {
    /** unset = embedded PostgreSQL (PGlite) under dataDir */
    url?: string;
    readUrls: string[];
    poolMax: number;
  };
  readonly redis: {
    mode: RedisMode;
    url?: string;
    clusterNodes: { host: string; port: number }[];
    keyPrefix: string;
  };
  readonly jwtSecret: string;
  readonly apiKeyPepper: string;
  readonly bootstrapAdmin?: { email: string; password: string };
  readonly trustedProxies: string[];
  readonly rateLimit: { failureMode: 'open' | 'closed'; fallbackNodes: number };
  readonly logs: {
    requestLogEnabled: boolean;
    journal: boolean;
    queueMaxRows: number;
    spoolDir: string;
    spoolMaxBytes: number;
  };
  readonly auditWebhook?: { url: string; secret: string };
  /** OpenTelemetry export, when OTEL_EXPORTER_OTLP_ENDPOINT is set */
  readonly tracing?: { endpoint: string; serviceName: string };
  readonly auth: {
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    passwordHashCost: number;
    /** failed logins per email, then per client IP, within the failure window */
    maxFailuresPerEmail: number;
    maxFailuresPerIp: number;
    registrationsPerIpPerHour: number;
  };
  /** Requests per minute to /api/v1/* per user, and to each expensive route. */
  readonly managementRateLimit: { perMinute: number; expensivePerMinute: number };

  constructor(env: EnvironmentVariables) {
    this.port = env.PORT;
    this.host = env.HOST ?? '0.0.0.0';
    this.dataDir = resolve(env.DATAHUB_DATA_DIR);
    this.logLevel = env.LOG_LEVEL;
    this.logFormat =
      env.LOG_FORMAT === 'auto'
        ? process.stdout.isTTY && process.env.NODE_ENV !== 'production'
          ? 'pretty'
          : 'json'
        : (env.LOG_FORMAT as 'json' | 'pretty');
    this.startupTimeoutMs = env.STARTUP_TIMEOUT_MS;
    this.migrationsRun = env.MIGRATIONS_RUN;
    this.timeSeriesBackend = env.TIMESERIES_BACKEND as AppConfig['timeSeriesBackend'];
    this.requestLogRetentionDays = env.REQUEST_LOG_RETENTION_DAYS;
    this.auditRetentionDays = env.AUDIT_RETENTION_DAYS;
    this.embeddedPostgresPort = env.EMBEDDED_PG_PORT;
    this.shutdownDrainMs = env.SHUTDOWN_DRAIN_MS;
    this.corsOrigins = corsOriginsOf(env.CORS_ORIGINS);
    this.database = {
      url: env.DATABASE_URL,
      readUrls: env.DATABASE_READ_URLS ? env.DATABASE_READ_URLS.split(',') : [],
      poolMax: env.DATABASE_POOL_MAX,
    };
    this.redis = {
      mode: env.REDIS_CLUSTER_NODES ? 'cluster' : env.REDIS_URL ? 'single' : 'memory',
      url: env.REDIS_URL,
      clusterNodes: (env.REDIS_CLUSTER_NODES ?? '')
        .split(',')
        .filter(Boolean)
        .map((node) => {
          const [host, port] = node.split(':');
          return { host, port: Number(port) };
        }),
      keyPrefix: env.REDIS_KEY_PREFIX,
    };
    const secrets = env.JWT_SECRET && env.API_KEY_PEPPER ? undefined : this.loadEmbeddedSecrets();
    this.jwtSecret = env.JWT_SECRET ?? secrets!.jwtSecret;
    this.apiKeyPepper = env.API_KEY_PEPPER ?? secrets!.apiKeyPepper;
    this.trustedProxies = (env.TRUSTED_PROXIES ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    this.rateLimit = { failureMode: env.RATE_LIMIT_FAILURE_MODE, fallbackNodes: env.RATE_LIMIT_FALLBACK_NODES };
    this.logs = {
      requestLogEnabled: env.REQUEST_LOG_ENABLED,
      journal: env.LOG_JOURNAL,
      queueMaxRows: env.LOG_QUEUE_MAX_ROWS,
      spoolDir: resolve(env.LOG_SPOOL_DIR ?? join(this.dataDir, 'spool')),
      spoolMaxBytes: env.LOG_SPOOL_MAX_BYTES,
    };
    if (env.AUDIT_WEBHOOK_URL) this.auditWebhook = { url: env.AUDIT_WEBHOOK_URL, secret: env.AUDIT_WEBHOOK_SECRET! };
    if (env.OTEL_EXPORTER_OTLP_ENDPOINT)
      this.tracing = {
        endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, ''),
        serviceName: env.OTEL_SERVICE_NAME || 'datahub-gateway',
      };
    this.auth = {
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      passwordHashCost: env.PASSWORD_HASH_COST,
      maxFailuresPerEmail: env.AUTH_MAX_FAILURES_PER_EMAIL,
      maxFailuresPerIp: env.AUTH_MAX_FAILURES_PER_IP,
      registrationsPerIpPerHour: env.AUTH_REGISTRATIONS_PER_IP_PER_HOUR,
    };
    this.managementRateLimit = {
      perMinute: env.MANAGEMENT_RATE_LIMIT_PER_MIN,
      expensivePerMinute: env.MANAGEMENT_EXPENSIVE_RATE_LIMIT_PER_MIN,
    };
    if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
      this.bootstrapAdmin = { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD };
    }
  }

  /** Throws ConfigurationError listing every invalid variable. */
  static fromEnv(raw: Record<string, unknown> = process.env): AppConfig {
    return new AppConfig(validateEnv(raw));
  }

  get embeddedDatabase(): boolean {
    return this.database.url === undefined;
  }

  get embeddedPostgresDir(): string {
    return join(this.dataDir, 'pgdata');
  }

  /** Embedded mode only: secrets generated once and kept (0600) beside the embedded data. */
  private loadEmbeddedSecrets(): EmbeddedSecrets {
    const file = join(this.dataDir, 'secrets.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as EmbeddedSecrets;
    const secrets: EmbeddedSecrets = {
      jwtSecret: randomBytes(48).toString('base64url'),
      apiKeyPepper: randomBytes(48).toString('base64url'),
    };
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    try {
      // 'wx': two first starts racing on one directory agree on the first one's secrets.
      writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return JSON.parse(readFileSync(file, 'utf8')) as EmbeddedSecrets;
    }
    chmodSync(file, 0o600);
    return secrets;
  }
}

function corsOriginsOf(setting: string | undefined): string[] | boolean {
  const origins = (setting ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (origins.includes('*')) return true;
  return origins.length > 0 ? origins : false;
}
