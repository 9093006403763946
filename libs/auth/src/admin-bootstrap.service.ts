import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { auditEvent, AuditEventType } from '@app/audit';
import { AppConfig, ConflictError } from '@app/core';
import { UserRole } from '@app/db';
import { UsersService } from './users/users.service';

/** The admin an empty embedded installation starts with. */
export const INITIAL_ADMIN_EMAIL = 'admin@datahub.local';
export const INITIAL_ADMIN_FILE = 'initial-admin.txt';

/** The admin this start created with a generated password: shown once, in the start banner. */
export interface InitialAdmin {
  email: string;
  password: string;
  /** Where the password is kept (mode 0600) until the admin deletes it. */
  file: string;
}

const PROMOTE = (email: string) =>
  `an admin can promote it (PATCH /api/v1/admin/users/{id} with {"role":"admin"}), or in SQL: UPDATE users SET role = 'admin' WHERE email = '${email}'`;

/**
 * Makes sure someone can administer the installation:
 * - ADMIN_EMAIL / ADMIN_PASSWORD create that admin on start, once (idempotent across nodes);
 *   naming an existing user who is not an admin is said in the log, not silently ignored;
 * - the first start of an empty embedded installation creates an initial admin with a
 *   generated password, kept in `<data dir>/initial-admin.txt` (mode 0600) and shown once
 *   by the start banner (`createdInitialAdmin`);
 * - otherwise a node that finds no admin says so, with the ways to make one.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);
  private initial?: InitialAdmin;

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly events: EventEmitter2,
  ) {}

  /** Set when this start created the initial admin. */
  get createdInitialAdmin(): InitialAdmin | undefined {
    return this.initial;
  }

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (admin) return this.fromEnvironment(admin.email, admin.password);
    const counts = await this.users.countByRole();
    if (counts.admin > 0) return;
    if (this.config.embeddedDatabase && counts.all === 0) return this.initialAdmin();
    this.logger.warn(
      `No admin exists: restart with ADMIN_EMAIL and ADMIN_PASSWORD set to create one, or ${PROMOTE('<email>')}`,
    );
  }

  private async fromEnvironment(email: string, password: string): Promise<void> {
    const existing = await this.users.findByEmailWithPassword(email);
    if (existing) {
      if (existing.role !== UserRole.Admin)
        this.logger.warn(
          `ADMIN_EMAIL names ${existing.email}, an existing ${existing.role}: not promoted; ${PROMOTE(existing.email)}`,
        );
      return;
    }
    await this.create(email, password, 'ADMIN_EMAIL');
    this.logger.log(`Created admin ${email}`);
  }

  private async initialAdmin(): Promise<void> {
    const password = randomBytes(18).toString('base64url');
    if (!(await this.create(INITIAL_ADMIN_EMAIL, password, 'initial'))) return;
    const file = join(this.config.dataDir, INITIAL_ADMIN_FILE);
    writeFileSync(file, `email: ${INITIAL_ADMIN_EMAIL}\npassword: ${password}\n`, { mode: 0o600 });
    this.initial = { email: INITIAL_ADMIN_EMAIL, password, file };
  }

  /** false when another node created the user first. */
  private async create(email: string, password: string, source: string): Promise<boolean> {
    try {
      const created = await this.users.create({ email, password, role: UserRole.Admin, name: 'Administrator' });
      this.events.emit(
        AuditEventType.AdminBootstrapped,
        auditEvent(null, null, { userId: created.id, email: created.email, source }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return false;
    }
  }
}
