import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { LifecycleState } from './lifecycle/lifecycle-state';
import { LoggingModule } from './logging/logging.module';

/**
 * Configuration, logging and lifecycle state shared by every module. The config is
 * handed in (not read here) so that one process can host two app instances in tests.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [LoggingModule],
      providers: [{ provide: AppConfig, useValue: config }, LifecycleState],
      exports: [AppConfig, LifecycleState],
    };
  }
}
