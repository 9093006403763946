import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { ListMetaDto, NoNul, PaginationQueryDto, Omittable } from '@app/core';
import { ApiPermissionLevel } from '@app/db';
import { canonicalCidr } from '../validation/ip-allow-list';

@ValidatorConstraint({ name: 'isCidr' })
class IsCidrConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && canonicalCidr(value) !== null;
  }

  defaultMessage(): string {
    return 'allowedIps must hold IP addresses or CIDR ranges, such as 203.0.113.7, 10.0.0.0/8 or 2001:db8::/32';
  }
}

export class KeyPermissionDto {
  @ApiProperty({ example: 'payments', description: 'the name of a registered API' })
  @IsString()
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'api must be the name of a registered API' })
  api: string;

  @ApiProperty({
    enum: ApiPermissionLevel,
    enumName: 'ApiPermissionLevel',
    description:
      "read: GET, HEAD, OPTIONS; write: every method; admin: what write allows, for the keys of the API's operators (only users with apis:write may grant it)",
  })
  @IsEnum(ApiPermissionLevel)
  permission: ApiPermissionLevel;
}

class KeyFieldsDto {
  @ApiPropertyOptional({ example: 'pro', description: 'rate-limit tier name (default free)' })
  @Omittable()
  @IsString()
  @MaxLength(50)
  rateLimitTier?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2099-12-31T23:59:59Z',
    description: 'must be in the future; null = never',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsDateString({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt?: string | null;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    maxItems: 100,
    example: ['203.0.113.7', '10.0.0.0/8', '2001:db8::/32'],
    description:
      'addresses or CIDR ranges (IPv4, IPv6) the key may be used from, stored in canonical form; empty or null = any address. From elsewhere the gateway answers 403 IP_NOT_ALLOWED',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  @Validate(IsCidrConstraint, { each: true })
  allowedIps?: string[] | null;
}

export class CreateApiKeyDto extends KeyFieldsDto {
  @ApiProperty({ example: 'billing service', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @NoNul()
  name: string;

  @ApiProperty({ type: [KeyPermissionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KeyPermissionDto)
  permissions: KeyPermissionDto[];
}

export class UpdateApiKeyDto extends KeyFieldsDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @NoNul()
  name?: string;

  @ApiPropertyOptional({ type: [KeyPermissionDto], description: 'replaces every permission of the key' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KeyPermissionDto)
  permissions?: KeyPermissionDto[];
}

export class RotateApiKeyDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 604_800,
    default: 0,
    description: 'how long the old secret keeps working',
  })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(604_800)
  gracePeriodSeconds?: number;
}

export class ListApiKeysQueryDto extends PaginationQueryDto {}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'dh_3kfA9x', description: 'the first characters of the key, safe to show' }) prefix: string;
  @ApiProperty() rateLimitTier: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: [KeyPermissionDto] }) permissions: KeyPermissionDto[];
  @ApiProperty({ type: [String], description: 'CIDR ranges the key may be used from; empty = any address' })
  allowedIps: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ApiKeyWithSecretDto extends ApiKeyDto {
  @ApiProperty({ description: 'the secret; shown this once and never again', example: 'dh_…' })
  key: string;
}

export class ApiKeyEnvelopeDto {
  @ApiProperty({ type: ApiKeyDto }) data: ApiKeyDto;
}

export class ApiKeyWithSecretEnvelopeDto {
  @ApiProperty({ type: ApiKeyWithSecretDto }) data: ApiKeyWithSecretDto;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] }) data: ApiKeyDto[];
  @ApiProperty({ type: ListMetaDto }) meta: ListMetaDto;
}
