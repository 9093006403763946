import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { type ApiRecord, ApiRegistryService } from '@app/admin';
import type { GatewayRequest } from '@app/api-keys';
import { HTTP_REQUEST } from '@app/core';
import { ApiNotFoundError } from '../proxy/gateway-errors';

/** First gateway guard: `{apiName}` → the registered API (cached), or 404 API_NOT_FOUND. */
@Injectable()
export class ApiResolverGuard implements CanActivate {
  constructor(private readonly registry: ApiRegistryService) {}

  /** Synchronous when the API is cached: no promise on the hot path. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.getArgByIndex<GatewayRequest & { params: { api: string } }>(HTTP_REQUEST);
    const name = request.params.api;
    const cached = this.registry.peekByName(name);
    if (cached !== undefined) return this.admit(request, name, cached);
    return this.registry.findByName(name).then((api) => this.admit(request, name, api));
  }

  private admit(request: GatewayRequest, name: string, api: ApiRecord | null): boolean {
    if (!api) throw new ApiNotFoundError(name);
    request.gatewayApi = api;
    return true;
  }
}
