import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserRole } from '@app/db';
import { Permission } from '../rbac/permissions';

export class TokenPairDto {
  @ApiProperty({ description: 'JWT (HS256), 15 minutes' })
  accessToken: string;

  @ApiPropertyOptional({
    description:
      'opaque `dhr_` token, 7 days, single use (rotated); absent when it was set as the `datahub_refresh` cookie instead',
  })
  refreshToken?: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ example: 900, description: 'access token lifetime in seconds' })
  expiresIn: number;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  name: string | null;

  @ApiProperty({ enum: UserRole, enumName: 'UserRole' })
  role: UserRole;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class UserEnvelopeDto {
  @ApiProperty({ type: UserDto })
  data: UserDto;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  name: string | null;

  @ApiProperty({ enum: UserRole, enumName: 'UserRole' })
  role: UserRole;

  @ApiProperty({ enum: Permission, enumName: 'Permission', isArray: true })
  permissions: Permission[];
}

export class MeEnvelopeDto {
  @ApiProperty({ type: MeDto })
  data: MeDto;
}
