import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { ListMetaDto, PaginationQueryDto, Omittable } from '@app/core';

export const API_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const MAX_TIMEOUT_MS = 300_000;
const MAX_BODY_BYTES = 1024 * 1024 * 1024;
/** A header value: visible ASCII and spaces, so that it can never split a header. */
const HEADER_VALUE = /^[\x20-\x7e]{1,4096}$/;
const HTTP_URL = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_tld: false,
  require_valid_protocol: true,
};
/** `scheme://user[:password]@`: credentials go in upstreamAuthorization, which no route returns. */
const WITHOUT_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^/?#@]*(?:[/?#]|$)/i;
const UPSTREAM_URL_MESSAGE =
  'upstreamUrl must be an http(s) URL without credentials (send those as upstreamAuthorization)';

/** An upstream base URL: http(s), at most 2,048 characters, no user or password in it. */
const IsUpstreamUrl = () => (target: object, property: string) => {
  IsString()(target, property);
  MaxLength(2048)(target, property);
  IsUrl(HTTP_URL, { message: UPSTREAM_URL_MESSAGE })(target, property);
  Matches(WITHOUT_CREDENTIALS, { message: UPSTREAM_URL_MESSAGE })(target, property);
};

class ApiFieldsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 500,
    description: 'what the API is for; every role may read it',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    writeOnly: true,
    example: 'Basic dXNlcjpzZWNyZXQ=',
    description:
      "Authorization header the gateway sends upstream, replacing the caller's; write-only (no route returns it); null removes it",
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Matches(HEADER_VALUE, { message: 'upstreamAuthorization must be a header value of 1–4096 visible ASCII characters' })
  upstreamAuthorization?: string | null;

  @ApiPropertyOptional({
    description: 'requests per minute per key for this API; null = only the tier applies',
    type: Number,
    nullable: true,
    minimum: 1,
  })
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

  @ApiPropertyOptional({
    default: 30_000,
    minimum: 100,
    maximum: MAX_TIMEOUT_MS,
    description: 'upstream response timeout',
  })
  @Omittable()
  @IsInt()
  @Min(100)
  @Max(MAX_TIMEOUT_MS)
  timeoutMs?: number;

  @ApiPropertyOptional({
    default: 10 * 1024 * 1024,
    minimum: 0,
    maximum: MAX_BODY_BYTES,
    description: 'largest proxied request body',
  })
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

  @ApiProperty({ example: 'http://payments.internal:8080/v1', maxLength: 2048 })
  @IsUpstreamUrl()
  upstreamUrl: string;
}

export class UpdateApiDto extends ApiFieldsDto {
  @ApiPropertyOptional({ example: 'payments' })
  @Omittable()
  @IsString()
  @Matches(API_NAME, { message: 'name must be a slug of lowercase letters, digits and dashes (1–64)' })
  name?: string;

  @ApiPropertyOptional({ example: 'http://payments.internal:8080/v1', maxLength: 2048 })
  @Omittable()
  @IsUpstreamUrl()
  upstreamUrl?: string;
}

/**
 * An API as callers see it. Every role sees what it needs to call the API; the upstream's
 * address and settings only reach users who may change APIs (apis:write).
 */
export class ApiDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: Number, nullable: true }) rateLimit: number | null;
  @ApiProperty() authRequired: boolean;
  @ApiPropertyOptional({ description: 'only for users with apis:write' }) upstreamUrl?: string;
  @ApiPropertyOptional({ description: 'an upstreamAuthorization is set (only for users with apis:write)' })
  upstreamAuthorizationSet?: boolean;
  @ApiPropertyOptional({ description: 'only for users with apis:write' }) timeoutMs?: number;
  @ApiPropertyOptional({ description: 'only for users with apis:write' }) maxBodyBytes?: number;
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
