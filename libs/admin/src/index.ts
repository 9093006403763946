export { AdminModule } from './admin.module';
export { ApiRegistryService, type ApiRecord } from './apis/api-registry.service';
export { DEFAULT_TIER, RateLimitTiersService, type TierRecord } from './rate-limits/rate-limit-tiers.service';
export { API_NAME } from './apis/api.dto';
