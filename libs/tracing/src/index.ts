export { TracingModule } from './tracing.module';
export { Tracing } from './tracing.service';
