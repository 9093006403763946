export { AuthModule } from './auth.module';
export { AdminBootstrap, type InitialAdmin } from './admin-bootstrap.service';
export { Auth, CurrentUser } from './rbac/decorators';
export { ExpensiveRoute } from './throttling/management-throttler.guard';
export { Permission, ROLE_PERMISSIONS, hasPermission } from './rbac/permissions';
export type { AuthUser } from './rbac/auth-user';
export { USER_DELETED_EVENT, UsersService } from './users/users.service';
export { toUserDto } from './users/user.mapper';
export { UserDto, UserEnvelopeDto } from './dto/auth-responses.dto';
export { RegisterDto } from './dto/credentials.dto';
export {
  PASSWORD_MAX_BYTES,
  PASSWORD_MAX_CHARS,
  PASSWORD_MIN_CHARS,
  IsPassword,
} from './passwords/is-password.validator';
