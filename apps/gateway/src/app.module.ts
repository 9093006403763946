import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AdminModule } from '@app/admin';
import { AnalyticsModule } from '@app/analytics';
import { ApiKeysModule } from '@app/api-keys';
import { AuditModule } from '@app/audit';
import { AuthModule } from '@app/auth';
import { CacheModule } from '@app/cache';
import { AppConfig, CoreModule, ProblemDetailsFilter, validationExceptionFactory } from '@app/core';
import { DatabaseModule } from '@app/db';
import { GatewayModule } from '@app/gateway';
import { HealthModule } from '@app/health';
import { MetricsModule } from '@app/metrics';
import { RateLimitModule } from '@app/rate-limit';
import { RedisModule } from '@app/redis';
import { TracingModule } from '@app/tracing';
import { RootController } from './root.controller';

/** Composition root: wires the feature modules and the global enhancers. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        EventEmitterModule.forRoot(),
        DatabaseModule,
        RedisModule,
        CacheModule,
        HealthModule,
        MetricsModule,
        TracingModule,
        AuditModule,
        AuthModule,
        ApiKeysModule,
        AdminModule,
        AnalyticsModule,
        RateLimitModule,
        GatewayModule,
      ],
      controllers: [RootController],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        {
          provide: APP_PIPE,
          useFactory: () =>
            new ValidationPipe({
              whitelist: true,
              forbidNonWhitelisted: true,
              transform: true,
              exceptionFactory: validationExceptionFactory,
            }),
        },
      ],
    };
  }
}
