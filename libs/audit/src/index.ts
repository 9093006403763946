export { AuditModule } from './audit.module';
export { AuditEventType, auditEvent, type AuditEventPayload } from './audit-event';
export { AuditWriter } from './audit-writer.service';
