import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { ListMetaDto, Omittable } from '@app/core';

export const TIER_NAME = /^[a-z0-9][a-z0-9_-]{0,49}$/;
const MAX_RATE = 100_000_000;

export class UpdateRateLimitTierDto {
  @ApiPropertyOptional({ minimum: 1 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_RATE)
  requestsPerMin?: number;

  @ApiPropertyOptional({ minimum: 1 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_RATE)
  requestsPerHour?: number;

  @ApiPropertyOptional({ minimum: 1, description: 'the most requests admitted in any one second' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_RATE)
  burstLimit?: number;
}

export class CreateRateLimitTierDto {
  @ApiProperty({ example: 'team' })
  @IsString()
  @Matches(TIER_NAME, { message: 'tierName must be 1–50 lowercase letters, digits, dashes or underscores' })
  tierName: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_RATE)
  requestsPerMin: number;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_RATE)
  requestsPerHour: number;

  @ApiProperty({ minimum: 1, description: 'the most requests admitted in any one second' })
  @IsInt()
  @Min(1)
  @Max(MAX_RATE)
  burstLimit: number;
}

export class RateLimitTierDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() tierName: string;
  @ApiProperty() requestsPerMin: number;
  @ApiProperty() requestsPerHour: number;
  @ApiProperty() burstLimit: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class RateLimitTierEnvelopeDto {
  @ApiProperty({ type: RateLimitTierDto }) data: RateLimitTierDto;
}

export class RateLimitTierListDto {
  @ApiProperty({ type: [RateLimitTierDto] }) data: RateLimitTierDto[];
  @ApiProperty({ type: ListMetaDto }) meta: ListMetaDto;
}
