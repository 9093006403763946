import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEvent } from '@app/db';
import { AuditListener } from './audit.listener';
import { AuditWriter } from './audit-writer.service';
import { AuditWebhookSink } from './siem/audit-webhook.sink';

/** Security audit events: listened for on the event bus, batched into audit_events. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent])],
  providers: [AuditWriter, AuditListener, AuditWebhookSink],
  exports: [AuditWriter, AuditWebhookSink],
})
export class AuditModule {}
