export { AuditModule } from './audit.module';
export { AuditEventType, auditEvent, type AuditEventPayload } from './audit-event';
export { AuditWriter } from './audit-writer.service';
export { AuditWebhookSink, signWebhookBody, type AuditWebhookStats } from './siem/audit-webhook.sink';
