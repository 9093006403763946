import { Global, Module } from '@nestjs/common';
import { Logger, PARAMS_PROVIDER_TOKEN, type Params, PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import pretty from 'pino-pretty';
import { AppConfig } from '../config/app-config';
import { AppLogger } from './app-logger';

const REDACTED_PATHS = ['authorization', 'cookie', 'set-cookie', 'x-api-key', 'proxy-authorization'].map(
  (header) => `req.headers["${header}"]`,
);

/** A terminal's log format: one line per entry, requests as `GET /path 200 3 ms`. */
const READABLE: pretty.PrettyOptions = {
  sync: true,
  singleLine: true,
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,context,req,res,responseTime',
  messageFormat:
    '{if context}[{context}] {end}{msg}{if req} {req.method} {req.path} {res.statusCode} {responseTime} ms{end}',
};

/** The process's root logger: JSON lines on stdout (readable ones on a terminal), secrets redacted wherever they appear. */
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
      useFactory: (config: AppConfig) => {
        const options = { level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
        if (config.logFormat === 'json') return pino(options);
        return pino(options, pretty(READABLE));
      },
    },
    {
      provide: PARAMS_PROVIDER_TOKEN,
      inject: [ROOT_LOGGER],
      useFactory: (logger: pino.Logger): Params => ({ pinoHttp: { logger } }),
    },
    PinoLogger,
    Logger,
    AppLogger,
  ],
  exports: [ROOT_LOGGER, Logger, AppLogger, PinoLogger],
})
export class LoggingModule {}
