import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, ConflictError } from '@app/core';
import { UserRole } from '@app/db';
import { UsersService } from './users/users.service';

/** ADMIN_EMAIL / ADMIN_PASSWORD: create the first admin on start, once (idempotent across nodes). */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin || (await this.users.findByEmailWithPassword(admin.email))) return;
    try {
      await this.users.create({ email: admin.email, password: admin.password, role: UserRole.Admin, name: 'Administrator' });
      this.logger.log(`Created admin ${admin.email}`);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}
