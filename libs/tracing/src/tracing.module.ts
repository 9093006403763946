import { Global, Module } from '@nestjs/common';
import { Tracing } from './tracing.service';

@Global()
@Module({ providers: [Tracing], exports: [Tracing] })
export class TracingModule {}
