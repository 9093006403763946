import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, ConflictError } from '@app/core';
import { UserRole } from '@app/db';
import { UsersService } from './users/users.service';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { auditEvent, AuditEventType } from '@app/audit';

/** ADMIN_EMAIL / ADMIN_PASSWORD: create the first admin on start, once (idempotent across nodes). */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly events: EventEmitter2,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin || (await this.users.findByEmailWithPassword(admin.email))) return;
    try {
      const created = await this.users.create({ email: admin.email, password: admin.password, role: UserRole.Admin, name: 'Administrator' });
      this.logger.log(`Created admin ${admin.email}`);
      this.events.emit(AuditEventType.AdminBootstrapped, auditEvent(null, null, { userId: created.id, email: created.email, source: 'ADMIN_EMAIL' }));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}
