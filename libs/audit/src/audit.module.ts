import { Module } from '@nestjs/common';

/** Security audit events (issue: identity, analytics). */
@Module({})
export class AuditModule {}
