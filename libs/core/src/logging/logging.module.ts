import type { IncomingMessage } from 'node:http';
import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { requestIdOf } from '../http/request-id';

const REDACTED_HEADERS = ['authorization', 'cookie', 'set-cookie', 'x-api-key', 'proxy-authorization'].map(
  (header) => `req.headers["${header}"]`,
);

/** Structured JSON logs (pino) carrying the request id; secrets and query strings never logged. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // Gateway traffic is recorded in request_logs; a per-request logger there would
        // cost the hot path (the request id still reaches every log line through the app).
        exclude: [{ method: RequestMethod.ALL, path: 'gateway/*path' }],
        pinoHttp: {
          level: config.logLevel,
          genReqId: (req: IncomingMessage) => requestIdOf(req),
          redact: { paths: REDACTED_HEADERS, censor: '[redacted]' },
          autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
          serializers: {
            req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
              id: req.id,
              method: req.method,
              path: req.url.split('?')[0],
              remoteAddress: req.remoteAddress,
            }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
