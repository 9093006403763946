import { All, Controller, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiKeyGuard, type GatewayRequest } from '@app/api-keys';
import { Public } from '@app/core';
import { RateLimitGuard } from '@app/rate-limit';
import type { FastifyReply } from 'fastify';
import { GatewayProxy } from './proxy/gateway-proxy.service';
import { ApiResolverGuard } from './routing/api-resolver.guard';

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

  @All([':api', ':api/*'])
  // The upstream's response is passed through as it is: no security headers of ours on it.
  @RouteConfig({ helmet: { skipRoute: true } })
  proxyRequest(@Req() request: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.proxy.forward(request, reply, request.gatewayApi!);
  }
}
