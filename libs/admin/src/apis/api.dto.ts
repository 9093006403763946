import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ListMetaDto, PaginationQueryDto, Omittable } from '@app/core';

export const API_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const MAX_TIMEOUT_MS = 300_000;
const MAX_BODY_BYTES = 1024 * 1024 * 1024;

class ApiFieldsDto {
  @ApiPropertyOptional({ description: 'requests per minute per key for this API; null = only the tier applies', type: Number, nullable: true, minimum: 1 })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  rateLimit?: number | null;

  @ApiPropertyOptional({ default: true })
  @Omittable()
  @IsBoolean()
  authRequired?: boolean;

  @ApiPropertyOptional({ default: 30_000, minimum: 100, maximum: MAX_TIMEOUT_MS, description: 'upstream response timeout' })
  @Omittable()
  @IsInt()
  @Min(100)
  @Max(MAX_TIMEOUT_MS)
  timeoutMs?: number;

  @ApiPropertyOptional({ default: 10 * 1024 * 1024, minimum: 0, maximum: MAX_BODY_BYTES, description: 'largest proxied request body' })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(MAX_BODY_BYTES)
  maxBodyBytes?: number;
}

export class CreateApiDto extends ApiFieldsDto {
  @ApiProperty({ example: 'payments', description: 'URL-safe slug: lowercase letters, digits and dashes' })
  @IsString()
  @Matches(API_NAME, { message: 'name must be a slug of lowercase letters, digits and dashes (1–64)' })
  name: string;

  @ApiProperty({ example: 'http://payments.internal:8080/v1' })
  @IsString()
  @MaxLength(2048)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false, require_valid_protocol: true }, { message: 'upstreamUrl must be an http(s) URL' })
  upstreamUrl: string;
}

export class UpdateApiDto extends ApiFieldsDto {
  @ApiPropertyOptional({ example: 'payments' })
  @Omittable()
  @IsString()
  @Matches(API_NAME, { message: 'name must be a slug of lowercase letters, digits and dashes (1–64)' })
  name?: string;

  @ApiPropertyOptional({ example: 'http://payments.internal:8080/v1' })
  @Omittable()
  @IsString()
  @MaxLength(2048)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false, require_valid_protocol: true }, { message: 'upstreamUrl must be an http(s) URL' })
  upstreamUrl?: string;
}

export class ApiDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() upstreamUrl: string;
  @ApiProperty({ type: Number, nullable: true }) rateLimit: number | null;
  @ApiProperty() authRequired: boolean;
  @ApiProperty() timeoutMs: number;
  @ApiProperty() maxBodyBytes: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ApiEnvelopeDto {
  @ApiProperty({ type: ApiDto }) data: ApiDto;
}

export class ApiListDto {
  @ApiProperty({ type: [ApiDto] }) data: ApiDto[];
  @ApiProperty({ type: ListMetaDto }) meta: ListMetaDto;
}

export class ListApisQueryDto extends PaginationQueryDto {}
