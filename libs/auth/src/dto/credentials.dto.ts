import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { NoNul, Omittable } from '@app/core';
import { IsBoolean, IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { IsPassword, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS } from '../passwords/is-password.validator';

const normaliseEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class EmailPasswordDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 320 })
  @Transform(normaliseEmail)
  @IsString()
  @MaxLength(320)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_CHARS,
    maxLength: PASSWORD_MAX_CHARS,
    format: 'password',
    description: 'at most 72 UTF-8 bytes',
  })
  @IsPassword()
  password: string;
}

export class RegisterDto extends EmailPasswordDto {
  @ApiPropertyOptional({ example: 'Ada Lovelace', maxLength: 200 })
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @NoNul()
  name?: string;
}

/** Login only checks shape: a wrong password must cost a hash comparison, not a 400. */
export class LoginDto {
  @ApiProperty({ example: 'ada@example.com' })
  @Transform(normaliseEmail)
  @IsString()
  @MaxLength(320)
  @NoNul()
  email: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(256)
  password: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'for browsers: the refresh token is set as an httpOnly, SameSite=Strict cookie (`datahub_refresh`, path `/api/v1/auth`) instead of returned in the body; refresh reads it when sent with the header `X-DataHub-Refresh-Cookie: 1`, and logout revokes it',
  })
  @Omittable()
  @IsBoolean()
  refreshCookie?: boolean;
}

export class RefreshDto {
  @ApiPropertyOptional({
    example: 'dhr_…',
    description:
      'required unless the request carries the `datahub_refresh` cookie set at sign-in and the header `X-DataHub-Refresh-Cookie: 1`',
  })
  @Omittable()
  @IsString()
  @MaxLength(256)
  refreshToken?: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'also revoke this refresh token (and so end the login)' })
  @Omittable()
  @IsString()
  @MaxLength(256)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_CHARS,
    maxLength: PASSWORD_MAX_CHARS,
    format: 'password',
    description: 'at most 72 UTF-8 bytes',
  })
  @IsPassword()
  newPassword: string;

  @ApiPropertyOptional({
    default: false,
    description: 'for browsers signed in with `refreshCookie`: the new refresh token is set as that cookie',
  })
  @Omittable()
  @IsBoolean()
  refreshCookie?: boolean;
}
