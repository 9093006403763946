import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { ApiRecord } from '@app/admin';
import { AuthenticationError, HTTP_REQUEST } from '@app/core';
import type { FastifyRequest } from 'fastify';
import type { ApiKeyRecord } from './api-key-record';
import { ApiKeyValidator } from './api-key-validator.service';

/** What the gateway's guards leave on the request for the ones after them and the handler. */
export interface GatewayRequestState {
  /** set by the gateway's API resolver, before this guard */
  gatewayApi?: ApiRecord;
  /** set here when the API requires a key and the key is known (admitted or not) */
  apiKey?: ApiKeyRecord;
  /** the key came in `Authorization: Bearer`: the proxy must not forward that header */
  apiKeyInAuthorization?: boolean;
}

export type GatewayRequest = FastifyRequest & GatewayRequestState;

/**
 * Declared on every request up front (Fastify's decorateRequest, initially null), so that
 * request objects keep one shape instead of gaining properties as the guards run: property
 * reads in Fastify's and Node's code stay monomorphic.
 */
export const GATEWAY_REQUEST_FIELDS: ReadonlyArray<keyof GatewayRequestState> = [
  'gatewayApi',
  'apiKey',
  'apiKeyInAuthorization',
];

const BEARER_KEY = /^Bearer\s+(dh_\S*)$/i;

/** The key from `X-API-Key`, or `Authorization: Bearer dh_…`; never from the query string. */
function presentedKey(request: GatewayRequest): { key?: string; inAuthorization: boolean } {
  const header = request.headers['x-api-key'];
  const fromHeader = Array.isArray(header) ? header.join(',') : header;
  const bearer = request.headers.authorization?.match(BEARER_KEY)?.[1];
  if (fromHeader !== undefined && bearer !== undefined && fromHeader !== bearer) {
    throw new AuthenticationError('API_KEY_INVALID_FORMAT', 'Two different API keys were sent; send one, in X-API-Key');
  }
  return { key: fromHeader ?? bearer, inAuthorization: bearer !== undefined };
}

/**
 * The gateway's key check, for APIs with `authRequired`: runs the validation flow, the
 * key's IP allow-list and the permission check for this API and method. 401/403 never
 * consume rate-limit budget because the rate-limit guard runs after this one.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly validator: ApiKeyValidator) {}

  /** Synchronous when the key is cached: no promise on the hot path. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.getArgByIndex<GatewayRequest>(HTTP_REQUEST);
    const api = request.gatewayApi;
    if (!api) throw new Error('ApiKeyGuard needs the gateway API resolved first');
    if (!api.authRequired) return true;
    const { key, inAuthorization } = presentedKey(request);
    if (!key) throw new AuthenticationError('API_KEY_MISSING', 'This API needs an API key in the X-API-Key header');
    const record = this.validator.resolve(key);
    if (record instanceof Promise) return record.then((loaded) => this.admit(request, api, loaded, inAuthorization));
    return this.admit(request, api, record, inAuthorization);
  }

  private admit(request: GatewayRequest, api: ApiRecord, record: ApiKeyRecord, inAuthorization: boolean): boolean {
    // Set before the checks: a key that is known but refused (403, revoked, expired) still
    // names itself in the request log, so that its owner sees the refusal.
    request.apiKey = record;
    this.validator.authorize(record, api.id, request.method, request);
    request.apiKeyInAuthorization = inAuthorization;
    return true;
  }
}
