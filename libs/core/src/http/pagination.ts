import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Omittable } from '../validation/omittable.validator';
import { QueryInt } from '../validation/query-int.transform';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;
/** PostgreSQL takes a bigint offset; the API promises a 32-bit one, which no list needs to pass. */
export const MAX_PAGE_OFFSET = 2_147_483_647;

/** `?limit=` (default 50, max 200) and `?offset=` (default 0). */
export class PaginationQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: MAX_PAGE_LIMIT,
    default: DEFAULT_PAGE_LIMIT,
  })
  @Omittable()
  @QueryInt()
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit: number = DEFAULT_PAGE_LIMIT;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 0, maximum: MAX_PAGE_OFFSET, default: 0 })
  @Omittable()
  @QueryInt()
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  @Max(MAX_PAGE_OFFSET)
  offset: number = 0;
}

export class ListMetaDto {
  @ApiProperty({ type: 'integer', minimum: 0 }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT }) limit: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) offset: number;
}

export interface ListEnvelope<T> {
  data: T[];
  meta: { total: number; limit: number; offset: number };
}

export function listEnvelope<T>(data: T[], total: number, page: PaginationQueryDto): ListEnvelope<T> {
  return { data, meta: { total, limit: page.limit, offset: page.offset } };
}
