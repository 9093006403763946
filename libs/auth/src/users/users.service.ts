import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ChangeContext, ClientContext, ConflictError, NotFoundError } from '@app/core';
import { RefreshToken, User, UserRole } from '@app/db';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { SessionStore, UserSession } from '../sessions/session-store.service';
import { auditEvent, AuditEventType } from '@app/audit';

export interface NewUser {
  email: string;
  password: string;
  name?: string | null;
  role?: UserRole;
}

export interface UserFilter {
  role?: UserRole;
  email?: string;
  limit: number;
  offset: number;
}

const UNIQUE_VIOLATION = '23505';
/** Emitted (and awaited) after a user is deleted, so that key caches drop their keys at once. */
export const USER_DELETED_EVENT = 'user.deleted';

/** Users and their lifecycle; the rules (hashing, stamps, revocations) live here. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionStore,
    private readonly events: EventEmitter2,
  ) {}

  /** With `audit`, the creation is a `user.created` event (self-registration names the new user as actor). */
  async create(
    input: NewUser,
    audit?: { actorId: string | null; client: ClientContext; via: 'register' | 'admin' },
  ): Promise<User> {
    const passwordHash = await this.hasher.hash(input.password);
    try {
      const saved = await this.users.save(
        this.users.create({
          email: input.email.toLowerCase(),
          passwordHash,
          name: input.name ?? null,
          role: input.role ?? UserRole.Viewer,
        }),
      );
      const user = (await this.findById(saved.id))!;
      if (audit) {
        this.events.emit(
          AuditEventType.UserCreated,
          auditEvent(audit.client, audit.actorId ?? user.id, {
            userId: user.id,
            email: user.email,
            role: user.role,
            via: audit.via,
          }),
        );
      }
      return user;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictError('EMAIL_TAKEN', 'An account with this email already exists');
      }
      throw error;
    }
  }

  /** Active users: all of them, and the admins among them. */
  async countByRole(): Promise<{ all: number; admin: number }> {
    const [row] = (await this.users.query(
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE role = 'admin'))::int AS admin FROM users WHERE deleted_at IS NULL`,
    )) as Array<{
      total: number;
      admin: number;
    }>;
    return { all: row.total, admin: row.admin };
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id, deletedAt: IsNull() });
  }

  async getById(id: string): Promise<User> {
    const user = await this.findById(id);
    if (!user) throw new NotFoundError('No user with this id');
    return user;
  }

  /** With the password hash, for credential checks only. */
  findByEmailWithPassword(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email AND user.deleted_at IS NULL', { email: email.toLowerCase() })
      .getOne();
  }

  async list(filter: UserFilter): Promise<{ users: User[]; total: number }> {
    const query = this.users.createQueryBuilder('user').where('user.deleted_at IS NULL');
    if (filter.role) query.andWhere('user.role = :role', { role: filter.role });
    if (filter.email) query.andWhere('user.email = :email', { email: filter.email.toLowerCase() });
    const [users, total] = await query
      .orderBy('user.created_at', 'ASC')
      .addOrderBy('user.id')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { users, total };
  }

  async loadSession(id: string): Promise<UserSession | undefined> {
    const user = await this.findById(id);
    return user ? toSession(user) : undefined;
  }

  /** A role change ends the user's current access tokens and is a `permission.changed` event. */
  async update(
    id: string,
    changes: { name?: string | null; role?: UserRole },
    actorId: string,
    client: ClientContext,
  ): Promise<User> {
    const user = await this.getById(id);
    const roleChanged = changes.role !== undefined && changes.role !== user.role;
    const columns = {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(roleChanged ? { role: changes.role, tokensValidAfter: new Date() } : {}),
    };
    if (Object.keys(columns).length === 0) return user;
    await this.dataSource.transaction(async (tx) => {
      if (roleChanged) await this.assertAnotherAdmin(tx, id);
      await tx.update(User, { id }, columns);
    });
    await this.sessions.invalidate(id);
    if (roleChanged) {
      this.events.emit(
        AuditEventType.PermissionChanged,
        auditEvent(client, actorId, { subject: 'user', userId: id, fromRole: user.role, toRole: changes.role }),
      );
    }
    return this.getById(id);
  }

  /** Ends every sign-in of a user (by themself or an admin); an `auth.sessions.ended` event. */
  async endSessions(id: string, change: ChangeContext): Promise<void> {
    await this.endSignIns(id);
    this.events.emit(
      AuditEventType.SessionsEnded,
      auditEvent(change.client, change.actorId, { userId: id, by: id === change.actorId ? 'user' : 'admin' }),
    );
  }

  /** A new password hash, and every sign-in ends with the old password (the caller audits it). */
  changePassword(id: string, passwordHash: string): Promise<void> {
    return this.endSignIns(id, { passwordHash });
  }

  /** Access tokens stop at once (tokens-valid-after stamp) and refresh tokens are revoked. */
  private async endSignIns(id: string, columns: Partial<User> = {}): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const now = new Date();
      await tx.update(User, { id }, { tokensValidAfter: now, ...columns });
      await tx.update(RefreshToken, { userId: id, revokedAt: IsNull() }, { revokedAt: now });
    });
    await this.sessions.invalidate(id);
  }

  /**
   * Soft delete: the row stays for the audit trail; its API keys and refresh tokens are
   * revoked and its access tokens stop working at once (tokens-valid-after stamp).
   */
  async delete(id: string, actorId: string, client: ClientContext): Promise<void> {
    const user = await this.getById(id);
    const revokedKeys = await this.dataSource.transaction(async (tx) => {
      await this.assertAnotherAdmin(tx, id);
      const now = new Date();
      await tx.update(User, { id }, { deletedAt: now, tokensValidAfter: now });
      const [keys] = await tx.query(
        `UPDATE api_keys SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id, prefix`,
        [id, now],
      );
      await tx.update(RefreshToken, { userId: id, revokedAt: IsNull() }, { revokedAt: now });
      return keys as Array<{ id: string; prefix: string }>;
    });
    await this.sessions.invalidate(id);
    await this.events.emitAsync(USER_DELETED_EVENT, id);
    this.events.emit(
      AuditEventType.UserDeleted,
      auditEvent(client, actorId, { userId: id, email: user.email, role: user.role, keysRevoked: revokedKeys.length }),
    );
    for (const key of revokedKeys) {
      this.events.emit(
        AuditEventType.KeyRevoked,
        auditEvent(client, actorId, { prefix: key.prefix, ownerId: id, reason: 'user.deleted' }, key.id),
      );
    }
  }

  /**
   * Refuses to demote or delete the last active admin: nothing else could restore one.
   * Locks the admin rows and the user's own (whose role is read again under the lock), so
   * that concurrent demotions, deletions and promotions cannot leave no admin.
   */
  private async assertAnotherAdmin(tx: EntityManager, leaving: string): Promise<void> {
    const rows: Array<{ id: string; role: UserRole }> = await tx.query(
      `SELECT id, role FROM users WHERE (role = $1 AND deleted_at IS NULL) OR id = $2 ORDER BY id FOR UPDATE`,
      [UserRole.Admin, leaving],
    );
    if (rows.find((row) => row.id === leaving)?.role !== UserRole.Admin) return;
    if (!rows.some((row) => row.id !== leaving && row.role === UserRole.Admin)) {
      throw new ConflictError('LAST_ADMIN', 'This is the last admin: make another user admin first');
    }
  }
}

export function toSession(user: User): UserSession {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    tokensValidAfter: user.tokensValidAfter.getTime(),
  };
}
