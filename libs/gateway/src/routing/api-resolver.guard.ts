import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ApiRegistryService } from '@app/admin';
import type { GatewayRequest } from '@app/api-keys';
import { ApiNotFoundError } from '../proxy/gateway-errors';

/** First gateway guard: `{apiName}` → the registered API (cached), or 404 API_NOT_FOUND. */
@Injectable()
export class ApiResolverGuard implements CanActivate {
  constructor(private readonly registry: ApiRegistryService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GatewayRequest & { params: { api: string } }>();
    const name = request.params.api;
    const api = this.registry.peekByName(name) ?? (await this.registry.findByName(name));
    if (!api) throw new ApiNotFoundError(name);
    request.gatewayApi = api;
    return true;
  }
}
