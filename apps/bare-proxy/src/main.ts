/**
 * The benchmark's ceiling for our stack: Nest + Fastify + the gateway's own forwarding
 * (GatewayProxy: header hygiene, streaming, undici pool) to UPSTREAM_URL, with no API
 * lookup, no key check, no rate limit and no logging. Not part of the product;
 * `npm run bench:gateway` compares the gateway against it.
 */
import 'reflect-metadata';
import { Controller, Get, Module, Req, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ApiRecord } from '@app/admin';
import type { GatewayRequest } from '@app/api-keys';
import { GatewayProxy, UpstreamPools } from '@app/gateway';
import { MetricsRegistry } from '@app/metrics';
import type { FastifyReply } from 'fastify';

const API: ApiRecord = {
  id: '00000000-0000-4000-8000-000000000000',
  name: 'bare',
  upstreamUrl: process.env.UPSTREAM_URL ?? 'http://127.0.0.1:4000',
  upstreamAuthorization: null,
  rateLimit: null,
  authRequired: false,
  timeoutMs: 30_000,
  maxBodyBytes: 10 * 1024 * 1024,
};

@Controller('gateway/bare')
class BareProxyController {
  constructor(private readonly proxy: GatewayProxy) {}

  @Get('*')
  forward(@Req() request: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.proxy.forward(request, reply, API);
  }
}

// The same forwarding code as the gateway, metrics included; nothing scrapes them here.
@Module({ controllers: [BareProxyController], providers: [GatewayProxy, UpstreamPools, MetricsRegistry] })
class BareProxyModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(BareProxyModule, new FastifyAdapter({ logger: false }), {
    logger: false,
  });
  await app.listen({ port: Number(process.env.PORT ?? 3100), host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
