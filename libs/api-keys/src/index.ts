export { ApiKeysModule } from './api-keys.module';
export {
  ApiKeyGuard,
  GATEWAY_REQUEST_FIELDS,
  type GatewayRequest,
  type GatewayRequestState,
} from './validation/api-key.guard';
export { ApiKeyValidator } from './validation/api-key-validator.service';
export { LastUsedTracker } from './validation/last-used-tracker.service';
export { type ApiKeyRecord, allowsMethod } from './validation/api-key-record';
export { generateKey, hasValidFormat, hashKey } from './keys/key-format';
