import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ListMetaDto, NoNul, PaginationQueryDto, Omittable } from '@app/core';
import { RegisterDto, UserDto } from '@app/auth';
import { UserRole } from '@app/db';

export class CreateUserDto extends RegisterDto {
  @ApiProperty({ enum: UserRole, enumName: 'UserRole' })
  @IsEnum(UserRole)
  role: UserRole;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @NoNul()
  name?: string | null;

  @ApiPropertyOptional({ enum: UserRole, enumName: 'UserRole' })
  @Omittable()
  @IsEnum(UserRole)
  role?: UserRole;
}

export class ListUsersQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: UserRole, enumName: 'UserRole' })
  @Omittable()
  @IsEnum(UserRole)
  role?: UserRole;

  @ApiPropertyOptional({ description: 'exact email (case-insensitive)' })
  @Omittable()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MaxLength(320)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;
}

export class UserListDto {
  @ApiProperty({ type: [UserDto] })
  data: UserDto[];

  @ApiProperty({ type: ListMetaDto })
  meta: ListMetaDto;
}
