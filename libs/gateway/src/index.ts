export { GatewayModule } from './gateway.module';
export { gatewayOpenApiPaths } from './gateway.openapi';
export { UpstreamPools } from './proxy/upstream-pools.service';
export { GatewayProxy } from './proxy/gateway-proxy.service';
