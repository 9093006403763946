/** The SDK's public data types, named after the server's OpenAPI schemas (generated/openapi.ts). */
import type { components, operations } from './generated/openapi';

type Schemas = components['schemas'];

export type UserRole = Schemas['UserRole'];
export type Permission = Schemas['Permission'];
export type User = Schemas['UserDto'];
export type Me = Schemas['MeDto'];
export type RegisterInput = Schemas['RegisterDto'];
export type LoginInput = Schemas['LoginDto'];
export type Tokens = Schemas['TokenPairDto'];
export type CreateUserInput = Schemas['CreateUserDto'];
export type UpdateUserInput = Schemas['UpdateUserDto'];
export type ListUsersQuery = NonNullable<operations['UsersAdmin_list']['parameters']['query']>;

export type ApiPermissionLevel = Schemas['ApiPermissionLevel'];
export type KeyPermission = Schemas['KeyPermissionDto'];
export type ApiKey = Schemas['ApiKeyDto'];
/** A key with its secret, as creation and rotation return it (the only time the secret is seen). */
export type ApiKeyWithSecret = Schemas['ApiKeyWithSecretDto'];
export type CreateApiKeyInput = Schemas['CreateApiKeyDto'];
export type UpdateApiKeyInput = Schemas['UpdateApiKeyDto'];
export type RotateApiKeyInput = Schemas['RotateApiKeyDto'];

export type Api = Schemas['ApiDto'];
export type CreateApiInput = Schemas['CreateApiDto'];
export type UpdateApiInput = Schemas['UpdateApiDto'];

export type RateLimitTier = Schemas['RateLimitTierDto'];
export type CreateRateLimitTierInput = Schemas['CreateRateLimitTierDto'];
export type UpdateRateLimitTierInput = Schemas['UpdateRateLimitTierDto'];

export type ListMeta = Schemas['ListMetaDto'];
/** `?limit=` (default 50, max 200) and `?offset=` (default 0). */
export type PageQuery = NonNullable<operations['ApiKeys_list']['parameters']['query']>;

/** A list answer: `{ data, meta: { total, limit, offset } }`. */
export interface Page<T> {
  data: T[];
  meta: ListMeta;
}

/** A single-resource answer: `{ data }`. */
export interface Envelope<T> {
  data: T;
}
