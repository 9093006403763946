import { Controller, Delete, Get, Options, Patch, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ApiKeyGuard, type GatewayRequest } from '@app/api-keys';
import { Public } from '@app/core';
import { RateLimitGuard } from '@app/rate-limit';
import type { FastifyReply } from 'fastify';
import { GatewayProxy } from './proxy/gateway-proxy.service';
import { ApiResolverGuard } from './routing/api-resolver.guard';

const ROUTES = [':api', ':api/*'];

/**
 * `ANY /gateway/{apiName}/{rest}`: resolve the API, check the key (when the API requires
 * one), apply the rate limits, proxy. Not behind the bearer-token guard: API keys only.
 * Its OpenAPI description is gateway.openapi.ts.
 */
@ApiExcludeController()
@Public()
@Controller('gateway')
@UseGuards(ApiResolverGuard, ApiKeyGuard, RateLimitGuard)
export class GatewayController {
  constructor(private readonly proxy: GatewayProxy) {}

  // The methods a gateway forwards (not TRACE or CONNECT). HEAD is served by the GET route.
  @Get(ROUTES)
  get(@Req() request: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forward(request, reply);
  }

  @Post(ROUTES)
  post(@Req() request: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forward(request, reply);
  }

  @Put(ROUTES)
  put(@Req() request: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forward(request, reply);
  }

  @Patch(ROUTES)
  patch(@Req() request: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forward(request, reply);
  }

  @Delete(ROUTES)
  delete(@Req() request: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forward(request, reply);
  }

  @Options(ROUTES)
  options(@Req() request: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forward(request, reply);
  }

  private forward(request: GatewayRequest, reply: FastifyReply): Promise<void> {
    return this.proxy.forward(request, reply, request.gatewayApi!);
  }
}
