import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
const blankToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const POSTGRES_URL = /^postgres(ql)?:\/\/\S+$/;
const REDIS_URL = /^rediss?:\/\/\S+$/;
const HOST_PORT_LIST = /^[^,\s:]+:\d{1,5}(,[^,\s:]+:\d{1,5})*$/;
const POSTGRES_URL_LIST = /^postgres(ql)?:\/\/[^,\s]+(,postgres(ql)?:\/\/[^,\s]+)*$/;

/** The process environment as the product reads it; docs/configuration.md documents it. */
export class EnvironmentVariables {
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(POSTGRES_URL_LIST, { message: 'must be a comma-separated list of postgres:// URLs' })
  DATABASE_READ_URLS?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_MAX = 20;

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(REDIS_URL, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(HOST_PORT_LIST, { message: 'must be a comma-separated list of host:port' })
  REDIS_CLUSTER_NODES?: string;

  @IsString()
  @MaxLength(64)
  REDIS_KEY_PREFIX = 'dh:';

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  API_KEY_PEPPER?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^[^@\s]+@[^@\s]+$/, { message: 'must be an email address' })
  ADMIN_EMAIL?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  @MaxLength(64, { message: 'must be at most 64 characters' })
  ADMIN_PASSWORD?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** `auto`: readable lines on a terminal, JSON lines otherwise (and always with NODE_ENV=production). */
  @IsIn(['auto', 'json', 'pretty'])
  LOG_FORMAT = 'auto';

  /** How long a starting node waits for PostgreSQL and Redis to answer before giving up. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  STARTUP_TIMEOUT_MS = 60_000;

  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  /** Where request_logs and audit_events live; `auto`: TimescaleDB when it can be created, else partitions. */
  @IsIn(['auto', 'timescaledb', 'partitions'])
  TIMESERIES_BACKEND = 'auto';

  @IsString()
  DATAHUB_DATA_DIR = './.datahub';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  REQUEST_LOG_RETENTION_DAYS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  AUDIT_RETENTION_DAYS = 365;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(120_000)
  SHUTDOWN_DRAIN_MS = 5_000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  EMBEDDED_PG_PORT = 0;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  /** Proxies whose X-Forwarded-For is believed (comma-separated IPs or CIDRs). */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  TRUSTED_PROXIES?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 7;

  /** bcrypt cost; 12 is the production floor, tests may lower it for speed. */
  @Transform(toInt)
  @IsInt()
  @Min(4)
  @Max(15)
  PASSWORD_HASH_COST = 12;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_MAX_FAILURES_PER_EMAIL = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_MAX_FAILURES_PER_IP = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_REGISTRATIONS_PER_IP_PER_HOUR = 20;

  /** Requests per minute to /api/v1/* per signed-in user (per client IP when signed out). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MANAGEMENT_RATE_LIMIT_PER_MIN = 600;

  /** Requests per minute per user to each expensive route (analytics usage and export, key creation). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MANAGEMENT_EXPENSIVE_RATE_LIMIT_PER_MIN = 60;

  /** When Redis cannot be reached: `open` limits per node in memory, `closed` answers 503. */
  @IsIn(['open', 'closed'])
  RATE_LIMIT_FAILURE_MODE: 'open' | 'closed' = 'open';

  /** How many gateway nodes share the load: the per-node fallback admits limit ÷ this. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  RATE_LIMIT_FALLBACK_NODES = 1;

  /** `false` stops writing request_logs (benchmarks compare with it off). */
  @Transform(toBoolean)
  @IsBoolean()
  REQUEST_LOG_ENABLED = true;

  /**
   * Journal every log row to local disk before queueing it, so that even kill -9 loses none.
   * Off by default: one synchronous write per request costs the hot path (docs/performance.md).
   */
  @Transform(toBoolean)
  @IsBoolean()
  LOG_JOURNAL = false;

  /** Rows a log writer keeps in memory; past it they go to the spool on disk. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(10_000_000)
  LOG_QUEUE_MAX_ROWS = 100_000;

  /** Where log rows wait on disk while PostgreSQL is down (default <DATAHUB_DATA_DIR>/spool). */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  LOG_SPOOL_DIR?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1024 * 1024)
  LOG_SPOOL_MAX_BYTES = 1024 * 1024 * 1024;

  /** OpenTelemetry: gateway spans exported over OTLP/HTTP to this collector (…/v1/traces). */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  OTEL_SERVICE_NAME?: string;

  /** SIEM sink: batches of audit events POSTed here, signed with AUDIT_WEBHOOK_SECRET. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  AUDIT_WEBHOOK_URL?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  AUDIT_WEBHOOK_SECRET?: string;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Validates the raw environment; throws one ConfigurationError naming every bad variable. */
export function validateEnv(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  const problems = errors.map((error) => {
    const message = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
    return `${error.property} ${message.replace(new RegExp(`^${error.property}\\s*`), '')}`;
  });
  if (env.REDIS_URL && env.REDIS_CLUSTER_NODES) {
    problems.push('REDIS_URL and REDIS_CLUSTER_NODES are exclusive; set one');
  }
  if (env.DATABASE_URL) {
    if (!env.JWT_SECRET) problems.push('JWT_SECRET is required when DATABASE_URL is set (at least 32 characters)');
    if (!env.API_KEY_PEPPER)
      problems.push('API_KEY_PEPPER is required when DATABASE_URL is set (at least 32 characters)');
  }
  if (env.AUDIT_WEBHOOK_URL && !env.AUDIT_WEBHOOK_SECRET) {
    problems.push('AUDIT_WEBHOOK_SECRET is required when AUDIT_WEBHOOK_URL is set (at least 32 characters)');
  }
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return env;
}
