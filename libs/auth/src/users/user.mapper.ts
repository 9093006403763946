import type { User } from '@app/db';
import type { UserDto } from '../dto/auth-responses.dto';

/** The public shape of a user: never the password hash or internal stamps. */
export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
