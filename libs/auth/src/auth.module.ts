import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/core';
import { RefreshToken, RevokedAccessToken, User } from '@app/db';
import { REDIS, RedisClient } from '@app/redis';
import { AdminBootstrap } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordHasher } from './passwords/password-hasher.service';
import { JwtAuthGuard } from './rbac/jwt-auth.guard';
import { PermissionsGuard } from './rbac/permissions.guard';
import { SessionStore } from './sessions/session-store.service';
import { RevocationCleanup } from './sessions/revocation-cleanup.service';
import { AuthThrottlerGuard, REGISTRATION_THROTTLER } from './throttling/auth-throttler.guard';
import {
  EXPENSIVE_THROTTLER,
  MANAGEMENT_THROTTLER,
  ManagementThrottler,
  ManagementThrottlerGuard,
} from './throttling/management-throttler.guard';
import { LoginThrottle } from './throttling/login-throttle.service';
import { RedisThrottlerStorage } from './throttling/redis-throttler.storage';
import { AccessTokenService } from './tokens/access-token.service';
import { JwtStrategy } from './tokens/jwt.strategy';
import { RefreshTokenService } from './tokens/refresh-token.service';
import { UsersService } from './users/users.service';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Identity: sign-in, token rotation and blacklist, and deny-by-default RBAC (global
 * JwtAuthGuard, then PermissionsGuard). Exports UsersService for user administration.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([User, RefreshToken, RevokedAccessToken]),
    PassportModule,
    JwtModule.registerAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ secret: config.jwtSecret }) }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, REDIS],
      useFactory: (config: AppConfig, redis: RedisClient) => ({
        throttlers: [
          { name: REGISTRATION_THROTTLER, ttl: HOUR_MS, limit: config.auth.registrationsPerIpPerHour },
          { name: MANAGEMENT_THROTTLER, ttl: MINUTE_MS, limit: config.managementRateLimit.perMinute },
          { name: EXPENSIVE_THROTTLER, ttl: MINUTE_MS, limit: config.managementRateLimit.expensivePerMinute },
        ],
        // Each guard sets the headers it owns.
        setHeaders: false,
        storage: new RedisThrottlerStorage(redis, config.redis.mode === 'memory'),
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    UsersService,
    PasswordHasher,
    AccessTokenService,
    RefreshTokenService,
    SessionStore,
    RevocationCleanup,
    LoginThrottle,
    JwtStrategy,
    AdminBootstrap,
    AuthThrottlerGuard,
    JwtAuthGuard,
    ManagementThrottler,
    ManagementThrottlerGuard,
    PermissionsGuard,
    // In this order: who is calling, how often they call, what they may do.
    { provide: APP_GUARD, useExisting: JwtAuthGuard },
    { provide: APP_GUARD, useExisting: ManagementThrottlerGuard },
    { provide: APP_GUARD, useExisting: PermissionsGuard },
  ],
  exports: [UsersService, PasswordHasher],
})
export class AuthModule {}
