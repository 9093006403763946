import { Controller, Delete, Get, Options, Patch, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiKeyGuard, type GatewayRequest } from '@app/api-keys';
import { Public } from '@app/core';
import { RateLimitGuard } from '@app/rate-limit';
import type { FastifyReply } from 'fastify';
import { GatewayProxy } from './proxy/gateway-proxy.service';
import { ApiResolverGuard } from './routing/api-resolver.guard';

const ROUTES = [':api', ':api/*'];
const PASSTHROUGH = { helmet: { skipRoute: true } };

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

  // One handler per method: Nest's @All() drops route config, and the upstream's answer
  // must pass through without our security headers. HEAD is served by the GET route.
  @Get(ROUTES)
  @RouteConfig(PASSTHROUGH)
  get(@Req() request: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forward(request, reply);
  }

  @Post(ROUTES)
  @RouteConfig(PASSTHROUGH)
  post(@Req() request: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forward(request, reply);
  }

  @Put(ROUTES)
  @RouteConfig(PASSTHROUGH)
  put(@Req() request: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forward(request, reply);
  }

  @Patch(ROUTES)
  @RouteConfig(PASSTHROUGH)
  patch(@Req() request: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forward(request, reply);
  }

  @Delete(ROUTES)
  @RouteConfig(PASSTHROUGH)
  delete(@Req() request: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forward(request, reply);
  }

  @Options(ROUTES)
  @RouteConfig(PASSTHROUGH)
  options(@Req() request: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forward(request, reply);
  }

  private forward(request: GatewayRequest, reply: FastifyReply): Promise<void> {
    return this.proxy.forward(request, reply, request.gatewayApi!);
  }
}
