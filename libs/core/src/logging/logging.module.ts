import { Global, Module } from '@nestjs/common';
import { Logger, PARAMS_PROVIDER_TOKEN, type Params, PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig } from '../config/app-config';

const REDACTED_PATHS = ['authorization', 'cookie', 'set-cookie', 'x-api-key', 'proxy-authorization'].map(
  (header) => `req.headers["${header}"]`,
);

/** The process's root logger: JSON lines on stdout, secrets redacted wherever they appear. */
export const ROOT_LOGGER = Symbol('datahub.rootLogger');

/**
 * Structured JSON logs (pino) behind Nest's Logger. Deliberately without nestjs-pino's
 * per-request middleware: it keeps the request's logger in an AsyncLocalStorage, and on
 * Node 20 a single AsyncLocalStorage.run switches promise hooks on for the whole process,
 * which cost the gateway's hot path about a fifth of its CPU. Requests are logged by
 * request-logging.hook.ts instead, and errors carry their request id explicitly.
 */
@Global()
@Module({
  providers: [
    {
      provide: ROOT_LOGGER,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        pino({ level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }),
    },
    {
      provide: PARAMS_PROVIDER_TOKEN,
      inject: [ROOT_LOGGER],
      useFactory: (logger: pino.Logger): Params => ({ pinoHttp: { logger } }),
    },
    PinoLogger,
    Logger,
  ],
  exports: [ROOT_LOGGER, Logger, PinoLogger],
})
export class LoggingModule {}
