import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthUser, CurrentUser, Permission } from '@app/auth';
import {
  CreateRateLimitTierDto,
  RateLimitTierEnvelopeDto,
  RateLimitTierListDto,
  UpdateRateLimitTierDto,
} from './rate-limit-tier.dto';
import { RateLimitTiersService, toTierDto } from './rate-limit-tiers.service';
import { ApiProblem, Client, ClientContext } from '@app/core';

@ApiTags('admin: rate-limit tiers')
@ApiProblem(400, ['VALIDATION_FAILED'])
@Controller('api/v1/admin/rate-limits')
export class RateLimitTiersController {
  constructor(private readonly tiers: RateLimitTiersService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'The rate-limit tiers (any signed-in user)' })
  @ApiOkResponse({ type: RateLimitTierListDto })
  async list(): Promise<RateLimitTierListDto> {
    const tiers = await this.tiers.list();
    return { data: tiers.map(toTierDto), meta: { total: tiers.length, limit: tiers.length, offset: 0 } };
  }

  @Post()
  @Auth(Permission.RateLimitsWrite)
  @ApiOperation({ summary: 'Create a tier' })
  @ApiCreatedResponse({ type: RateLimitTierEnvelopeDto })
  @ApiProblem(409, ['NAME_TAKEN'])
  async create(
    @Body() body: CreateRateLimitTierDto,
    @CurrentUser() user: AuthUser,
    @Client() client: ClientContext,
  ): Promise<RateLimitTierEnvelopeDto> {
    return { data: toTierDto(await this.tiers.create(body, { actorId: user.id, client })) };
  }

  @Patch(':tierName')
  @Auth(Permission.RateLimitsWrite)
  @ApiOperation({ summary: "Change a tier's limits (every gateway node applies them within a second)" })
  @ApiOkResponse({ type: RateLimitTierEnvelopeDto })
  @ApiProblem(404, ['NOT_FOUND'])
  async update(
    @Param('tierName') tierName: string,
    @Body() body: UpdateRateLimitTierDto,
    @CurrentUser() user: AuthUser,
    @Client() client: ClientContext,
  ): Promise<RateLimitTierEnvelopeDto> {
    return { data: toTierDto(await this.tiers.update(tierName, body, { actorId: user.id, client })) };
  }

  @Delete(':tierName')
  @Auth(Permission.RateLimitsWrite)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a tier that no key uses (not the default tier, free)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(404, ['NOT_FOUND'])
  @ApiProblem(409, ['TIER_IN_USE'], 'Keys use the tier, or it is the default tier')
  async delete(
    @Param('tierName') tierName: string,
    @CurrentUser() user: AuthUser,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.tiers.delete(tierName, { actorId: user.id, client });
  }
}
