import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { API_NAME, type ApiRecord, ApiRegistryService } from '@app/admin';
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
    // A name no API can have is not looked up (nor cached as missing).
    if (!API_NAME.test(name)) throw new ApiNotFoundError(name);
    return this.registry.findByName(name).then((api) => this.admit(request, name, api));
  }

  private admit(request: GatewayRequest, name: string, api: ApiRecord | null): boolean {
    if (!api) throw new ApiNotFoundError(name);
    request.gatewayApi = api;
    return true;
  }
}
