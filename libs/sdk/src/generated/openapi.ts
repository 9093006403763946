/**
 * Generated from the server's OpenAPI document (GET /docs-json) by scripts/generate-sdk-types.js.
 * Do not edit: run `npm run sdk:types` after changing the server's routes or DTOs.
 */

export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Redirects to the API explorer at /docs */
        get: operations["Root_root"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PostgreSQL and Redis both answer */
        get: operations["Health_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness probe: the process answers (no dependency checked) */
        get: operations["Health_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness probe: dependencies answer and the node is not draining */
        get: operations["Health_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (text exposition format) */
        get: operations["Metrics_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account (role viewer) */
        post: operations["Auth_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange email and password for an access token and a refresh token */
        post: operations["Auth_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token: the old one stops working */
        post: operations["Auth_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Blacklist this access token until it expires and revoke the refresh token */
        post: operations["Auth_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password: every sign-in ends; the answer is a new token pair for this one */
        post: operations["Auth_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every sign-in of yours, on every device: access and refresh tokens stop at once */
        post: operations["Auth_logoutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and the permissions of their role */
        get: operations["Auth_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your keys (all keys for admins); never the secret or its hash */
        get: operations["ApiKeys_list"];
        put?: never;
        /** Issue a key; the secret is in this response only */
        post: operations["ApiKeys_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One key */
        get: operations["ApiKeys_get"];
        put?: never;
        post?: never;
        /** Revoke (owner, or keys:revoke); refused on every gateway node within a second */
        delete: operations["ApiKeys_revoke"];
        options?: never;
        head?: never;
        /** Rename, change tier, expiry or permissions (effective on every node within a second) */
        patch: operations["ApiKeys_update"];
        trace?: never;
    };
    "/api/v1/keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new secret for the same key; the old one stops now or after gracePeriodSeconds */
        post: operations["ApiKeys_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (filter by role or email) */
        get: operations["UsersAdmin_list"];
        put?: never;
        /** Create a user with a role */
        post: operations["UsersAdmin_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: operations["UsersAdmin_get"];
        put?: never;
        post?: never;
        /** Delete a user: revokes their API keys, refresh and access tokens at once */
        delete: operations["UsersAdmin_delete"];
        options?: never;
        head?: never;
        /** Rename or change role (a role change ends the user's tokens and is audited) */
        patch: operations["UsersAdmin_update"];
        trace?: never;
    };
    "/api/v1/admin/users/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End every sign-in of a user: their access and refresh tokens stop at once (their API keys keep working) */
        delete: operations["UsersAdmin_endSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/apis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List registered APIs (the upstream and its settings only for users with apis:write) */
        get: operations["ApisAdmin_list"];
        put?: never;
        /** Register an upstream under /gateway/{name}/* */
        post: operations["ApisAdmin_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/apis/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One API */
        get: operations["ApisAdmin_get"];
        put?: never;
        post?: never;
        /** Remove an API (its key permissions go with it) */
        delete: operations["ApisAdmin_delete"];
        options?: never;
        head?: never;
        /** Change an API (every gateway node sees it within a second) */
        patch: operations["ApisAdmin_update"];
        trace?: never;
    };
    "/api/v1/admin/rate-limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rate-limit tiers (any signed-in user) */
        get: operations["RateLimitTiers_list"];
        put?: never;
        /** Create a tier */
        post: operations["RateLimitTiers_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/rate-limits/{tierName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a tier that no key uses (not the default tier, free) */
        delete: operations["RateLimitTiers_delete"];
        options?: never;
        head?: never;
        /** Change a tier's limits (every gateway node applies them within a second) */
        patch: operations["RateLimitTiers_update"];
        trace?: never;
    };
    "/api/v1/analytics/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Requests, errors and latency percentiles per time bucket (every bucket of the range, empty ones as 0)
         * @description `from` defaults to 24 hours before `to`, `to` to now; `from` must be before `to`, and the range may span at most 7 days with minute buckets, 90 with hour buckets and 3660 with day buckets; otherwise 400 VALIDATION_FAILED.
         */
        get: operations["Analytics_usage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Totals, error rate, status classes, latency percentiles and top APIs and keys over a range
         * @description `from` defaults to 24 hours before `to`, `to` to now; `from` must be before `to`, and the range may span at most 400 days; otherwise 400 VALIDATION_FAILED.
         */
        get: operations["Analytics_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Request log rows as a streamed CSV (with a header row) or NDJSON file; columns: timestamp, id, api, apiKeyId, method, path, statusCode, latencyMs, requestId, ip, bytesIn, bytesOut
         * @description `from` defaults to 24 hours before `to`, `to` to now; `from` must be before `to`, and the range may span at most 400 days; otherwise 400 VALIDATION_FAILED. Errors are problem documents, not files.
         */
        get: operations["Analytics_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail, newest first (admins only)
         * @description `from` defaults to 24 hours before `to`, `to` to now; `from` must be before `to`, and the range may span at most 3660 days; otherwise 400 VALIDATION_FAILED.
         */
        get: operations["Analytics_audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gateway/{api}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Proxy GET to the base path of the API registered as {api}
         * @description The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.
         */
        get: operations["Gateway_proxyBase_get"];
        /**
         * Proxy PUT to the base path of the API registered as {api}
         * @description The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.
         */
        put: operations["Gateway_proxyBase_put"];
        /**
         * Proxy POST to the base path of the API registered as {api}
         * @description The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.
         */
        post: operations["Gateway_proxyBase_post"];
        /**
         * Proxy DELETE to the base path of the API registered as {api}
         * @description The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.
         */
        delete: operations["Gateway_proxyBase_delete"];
        /**
         * Proxy OPTIONS to the base path of the API registered as {api}
         * @description The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.
         */
        options: operations["Gateway_proxyBase_options"];
        /**
         * Proxy HEAD to the base path of the API registered as {api}
         * @description The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.
         */
        head: operations["Gateway_proxyBase_head"];
        /**
         * Proxy PATCH to the base path of the API registered as {api}
         * @description The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.
         */
        patch: operations["Gateway_proxyBase_patch"];
        trace?: never;
    };
    "/gateway/{api}/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Proxy GET to the API registered as {api}
         * @description The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.
         */
        get: operations["Gateway_proxy_get"];
        /**
         * Proxy PUT to the API registered as {api}
         * @description The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.
         */
        put: operations["Gateway_proxy_put"];
        /**
         * Proxy POST to the API registered as {api}
         * @description The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.
         */
        post: operations["Gateway_proxy_post"];
        /**
         * Proxy DELETE to the API registered as {api}
         * @description The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.
         */
        delete: operations["Gateway_proxy_delete"];
        /**
         * Proxy OPTIONS to the API registered as {api}
         * @description The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.
         */
        options: operations["Gateway_proxy_options"];
        /**
         * Proxy HEAD to the API registered as {api}
         * @description The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.
         */
        head: operations["Gateway_proxy_head"];
        /**
         * Proxy PATCH to the API registered as {api}
         * @description The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.
         */
        patch: operations["Gateway_proxy_patch"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        RegisterDto: {
            /** @example ada@example.com */
            email: string;
            /**
             * Format: password
             * @description at most 72 UTF-8 bytes
             */
            password: string;
            /** @example Ada Lovelace */
            name?: string;
        };
        /** @enum {string} */
        UserRole: "admin" | "developer" | "viewer";
        UserDto: {
            /** Format: uuid */
            id: string;
            email: string;
            name?: string | null;
            role: components["schemas"]["UserRole"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UserEnvelopeDto: {
            data: components["schemas"]["UserDto"];
        };
        LoginDto: {
            /** @example ada@example.com */
            email: string;
            /** Format: password */
            password: string;
            /**
             * @description for browsers: the refresh token is set as an httpOnly, SameSite=Strict cookie (`datahub_refresh`, path `/api/v1/auth`) instead of returned in the body; refresh reads it when sent with the header `X-DataHub-Refresh-Cookie: 1`, and logout revokes it
             * @default false
             */
            refreshCookie?: boolean;
        };
        TokenPairDto: {
            /** @description JWT (HS256), 15 minutes */
            accessToken: string;
            /** @description opaque `dhr_` token, 7 days, single use (rotated); absent when it was set as the `datahub_refresh` cookie instead */
            refreshToken?: string;
            /** @enum {string} */
            tokenType: "Bearer";
            /**
             * @description access token lifetime in seconds
             * @example 900
             */
            expiresIn: number;
        };
        RefreshDto: {
            /**
             * @description required unless the request carries the `datahub_refresh` cookie set at sign-in and the header `X-DataHub-Refresh-Cookie: 1`
             * @example dhr_…
             */
            refreshToken?: string;
        };
        LogoutDto: {
            /** @description also revoke this refresh token (and so end the login) */
            refreshToken?: string;
        };
        ChangePasswordDto: {
            /** Format: password */
            currentPassword: string;
            /**
             * Format: password
             * @description at most 72 UTF-8 bytes
             */
            newPassword: string;
            /**
             * @description for browsers signed in with `refreshCookie`: the new refresh token is set as that cookie
             * @default false
             */
            refreshCookie?: boolean;
        };
        /** @enum {string} */
        Permission: "users:read" | "users:write" | "keys:read" | "keys:write" | "keys:revoke" | "apis:read" | "apis:write" | "analytics:read" | "analytics:export" | "rate-limits:write";
        MeDto: {
            /** Format: uuid */
            id: string;
            email: string;
            name?: string | null;
            role: components["schemas"]["UserRole"];
            permissions: components["schemas"]["Permission"][];
        };
        MeEnvelopeDto: {
            data: components["schemas"]["MeDto"];
        };
        /**
         * @description read: GET, HEAD, OPTIONS; write: every method; admin: what write allows, for the keys of the API's operators (only users with apis:write may grant it)
         * @enum {string}
         */
        ApiPermissionLevel: "read" | "write" | "admin";
        KeyPermissionDto: {
            /**
             * @description the name of a registered API
             * @example payments
             */
            api: string;
            /** @description read: GET, HEAD, OPTIONS; write: every method; admin: what write allows, for the keys of the API's operators (only users with apis:write may grant it) */
            permission: components["schemas"]["ApiPermissionLevel"];
        };
        CreateApiKeyDto: {
            /**
             * @description rate-limit tier name (default free)
             * @example pro
             */
            rateLimitTier?: string;
            /**
             * Format: date-time
             * @description must be in the future; null = never
             * @example 2099-12-31T23:59:59Z
             */
            expiresAt?: string | null;
            /**
             * @description addresses or CIDR ranges (IPv4, IPv6) the key may be used from, stored in canonical form; empty or null = any address. From elsewhere the gateway answers 403 IP_NOT_ALLOWED
             * @example [
             *       "203.0.113.7",
             *       "10.0.0.0/8",
             *       "2001:db8::/32"
             *     ]
             */
            allowedIps?: string[] | null;
            /** @example billing service */
            name: string;
            permissions: components["schemas"]["KeyPermissionDto"][];
        };
        ApiKeyWithSecretDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            userId: string;
            name: string;
            /**
             * @description the first characters of the key, safe to show
             * @example dh_3kfA9x
             */
            prefix: string;
            rateLimitTier: string;
            /** Format: date-time */
            expiresAt: string | null;
            permissions: components["schemas"]["KeyPermissionDto"][];
            /** @description CIDR ranges the key may be used from; empty = any address */
            allowedIps: string[];
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description the secret; shown this once and never again
             * @example dh_…
             */
            key: string;
        };
        ApiKeyWithSecretEnvelopeDto: {
            data: components["schemas"]["ApiKeyWithSecretDto"];
        };
        ApiKeyDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            userId: string;
            name: string;
            /**
             * @description the first characters of the key, safe to show
             * @example dh_3kfA9x
             */
            prefix: string;
            rateLimitTier: string;
            /** Format: date-time */
            expiresAt: string | null;
            permissions: components["schemas"]["KeyPermissionDto"][];
            /** @description CIDR ranges the key may be used from; empty = any address */
            allowedIps: string[];
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        ListMetaDto: {
            total: number;
            limit: number;
            offset: number;
        };
        ApiKeyListDto: {
            data: components["schemas"]["ApiKeyDto"][];
            meta: components["schemas"]["ListMetaDto"];
        };
        ApiKeyEnvelopeDto: {
            data: components["schemas"]["ApiKeyDto"];
        };
        UpdateApiKeyDto: {
            /**
             * @description rate-limit tier name (default free)
             * @example pro
             */
            rateLimitTier?: string;
            /**
             * Format: date-time
             * @description must be in the future; null = never
             * @example 2099-12-31T23:59:59Z
             */
            expiresAt?: string | null;
            /**
             * @description addresses or CIDR ranges (IPv4, IPv6) the key may be used from, stored in canonical form; empty or null = any address. From elsewhere the gateway answers 403 IP_NOT_ALLOWED
             * @example [
             *       "203.0.113.7",
             *       "10.0.0.0/8",
             *       "2001:db8::/32"
             *     ]
             */
            allowedIps?: string[] | null;
            name?: string;
            /** @description replaces every permission of the key */
            permissions?: components["schemas"]["KeyPermissionDto"][];
        };
        RotateApiKeyDto: {
            /**
             * @description how long the old secret keeps working
             * @default 0
             */
            gracePeriodSeconds?: number;
        };
        UserListDto: {
            data: components["schemas"]["UserDto"][];
            meta: components["schemas"]["ListMetaDto"];
        };
        CreateUserDto: {
            /** @example ada@example.com */
            email: string;
            /**
             * Format: password
             * @description at most 72 UTF-8 bytes
             */
            password: string;
            /** @example Ada Lovelace */
            name?: string;
            role: components["schemas"]["UserRole"];
        };
        UpdateUserDto: {
            name?: string | null;
            role?: components["schemas"]["UserRole"];
        };
        ApiDto: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string | null;
            rateLimit: number | null;
            authRequired: boolean;
            /** @description only for users with apis:write */
            upstreamUrl?: string;
            /** @description an upstreamAuthorization is set (only for users with apis:write) */
            upstreamAuthorizationSet?: boolean;
            /** @description only for users with apis:write */
            timeoutMs?: number;
            /** @description only for users with apis:write */
            maxBodyBytes?: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ApiListDto: {
            data: components["schemas"]["ApiDto"][];
            meta: components["schemas"]["ListMetaDto"];
        };
        ApiEnvelopeDto: {
            data: components["schemas"]["ApiDto"];
        };
        CreateApiDto: {
            /** @description what the API is for; every role may read it */
            description?: string | null;
            /**
             * @description Authorization header the gateway sends upstream, replacing the caller's; write-only (no route returns it); null removes it
             * @example Basic dXNlcjpzZWNyZXQ=
             */
            upstreamAuthorization?: string | null;
            /** @description requests per minute per key for this API; null = only the tier applies */
            rateLimit?: number | null;
            /** @default true */
            authRequired?: boolean;
            /**
             * @description upstream response timeout
             * @default 30000
             */
            timeoutMs?: number;
            /**
             * @description largest proxied request body
             * @default 10485760
             */
            maxBodyBytes?: number;
            /**
             * @description URL-safe slug: lowercase letters, digits and dashes
             * @example payments
             */
            name: string;
            /** @example http://payments.internal:8080/v1 */
            upstreamUrl: string;
        };
        UpdateApiDto: {
            /** @description what the API is for; every role may read it */
            description?: string | null;
            /**
             * @description Authorization header the gateway sends upstream, replacing the caller's; write-only (no route returns it); null removes it
             * @example Basic dXNlcjpzZWNyZXQ=
             */
            upstreamAuthorization?: string | null;
            /** @description requests per minute per key for this API; null = only the tier applies */
            rateLimit?: number | null;
            /** @default true */
            authRequired?: boolean;
            /**
             * @description upstream response timeout
             * @default 30000
             */
            timeoutMs?: number;
            /**
             * @description largest proxied request body
             * @default 10485760
             */
            maxBodyBytes?: number;
            /** @example payments */
            name?: string;
            /** @example http://payments.internal:8080/v1 */
            upstreamUrl?: string;
        };
        RateLimitTierDto: {
            /** Format: uuid */
            id: string;
            tierName: string;
            requestsPerMin: number;
            requestsPerHour: number;
            burstLimit: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        RateLimitTierListDto: {
            data: components["schemas"]["RateLimitTierDto"][];
            meta: components["schemas"]["ListMetaDto"];
        };
        CreateRateLimitTierDto: {
            /** @example team */
            tierName: string;
            requestsPerMin: number;
            requestsPerHour: number;
            /** @description the most requests admitted in any one second */
            burstLimit: number;
        };
        RateLimitTierEnvelopeDto: {
            data: components["schemas"]["RateLimitTierDto"];
        };
        UpdateRateLimitTierDto: {
            requestsPerMin?: number;
            requestsPerHour?: number;
            /** @description the most requests admitted in any one second */
            burstLimit?: number;
        };
        UsageBucketDto: {
            /** Format: date-time */
            bucket: string;
            requests: number;
            /** @description requests answered with status >= 400 */
            errors: number;
            p50LatencyMs: number | null;
            p95LatencyMs: number | null;
            p99LatencyMs: number | null;
        };
        UsageResponseDto: {
            data: components["schemas"]["UsageBucketDto"][];
        };
        StatusClassesDto: {
            "2xx": number;
            "3xx": number;
            "4xx": number;
            "5xx": number;
        };
        TopApiDto: {
            api: string;
            requests: number;
        };
        TopKeyDto: {
            /** Format: uuid */
            keyId: string;
            prefix: string;
            requests: number;
        };
        SummaryDto: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            totalRequests: number;
            errorRequests: number;
            /** @description errorRequests ÷ totalRequests (0 when there is no traffic) */
            errorRate: number;
            statusClasses: components["schemas"]["StatusClassesDto"];
            p50LatencyMs: number | null;
            p95LatencyMs: number | null;
            p99LatencyMs: number | null;
            topApis: components["schemas"]["TopApiDto"][];
            topKeys: components["schemas"]["TopKeyDto"][];
        };
        SummaryResponseDto: {
            data: components["schemas"]["SummaryDto"];
        };
        AuditEventDto: {
            /** Format: uuid */
            id: string;
            /** @example auth.login.failure */
            type: string;
            /** Format: date-time */
            timestamp: string;
            /** Format: uuid */
            actorUserId: string | null;
            /** Format: uuid */
            apiKeyId: string | null;
            ip: string | null;
            userAgent: string | null;
            requestId: string | null;
            metadata: {
                [key: string]: unknown;
            };
        };
        AuditListDto: {
            data: components["schemas"]["AuditEventDto"][];
            meta: components["schemas"]["ListMetaDto"];
        };
        ProblemDetails: {
            /**
             * Format: uri
             * @example https://datahub.dev/problems/validation-failed
             */
            type: string;
            /** @example Request validation failed */
            title: string;
            /** @example 400 */
            status: number;
            detail?: string;
            /** @example VALIDATION_FAILED */
            code: string;
            requestId: string;
            errors?: {
                field?: string;
                message?: string;
            }[];
        };
    };
    responses: {
        /** @description Invalid request */
        Problem400ValidationFailedOrMalformedUrlOrBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/validation-failed",
                 *       "title": "Bad Request",
                 *       "status": 400,
                 *       "detail": "Invalid request",
                 *       "code": "VALIDATION_FAILED",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 400;
                    /** @enum {string} */
                    code?: "VALIDATION_FAILED" | "MALFORMED_URL" | "BAD_REQUEST";
                };
            };
        };
        /** @description An Expect other than 100-continue */
        Problem417ExpectationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/expectation-failed",
                 *       "title": "Expectation Failed",
                 *       "status": 417,
                 *       "detail": "An Expect other than 100-continue",
                 *       "code": "EXPECTATION_FAILED",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 417;
                    /** @enum {string} */
                    code?: "EXPECTATION_FAILED";
                };
            };
        };
        /** @description Request headers exceed 16384 bytes */
        Problem431HeadersTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/headers-too-large",
                 *       "title": "Request Header Fields Too Large",
                 *       "status": 431,
                 *       "detail": "Request headers exceed 16384 bytes",
                 *       "code": "HEADERS_TOO_LARGE",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 431;
                    /** @enum {string} */
                    code?: "HEADERS_TOO_LARGE";
                };
            };
        };
        /** @description Unexpected error (the body carries no internals; quote the requestId) */
        Problem500Internal: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/internal",
                 *       "title": "Internal Server Error",
                 *       "status": 500,
                 *       "detail": "Unexpected error (the body carries no internals; quote the requestId)",
                 *       "code": "INTERNAL",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 500;
                    /** @enum {string} */
                    code?: "INTERNAL";
                };
            };
        };
        /** @description A dependency is unavailable, or this node is shutting down: retry (Retry-After) */
        Problem503DependencyUnavailableOrShuttingDown: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/dependency-unavailable",
                 *       "title": "Service Unavailable",
                 *       "status": 503,
                 *       "detail": "A dependency is unavailable, or this node is shutting down: retry (Retry-After)",
                 *       "code": "DEPENDENCY_UNAVAILABLE",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 503;
                    /** @enum {string} */
                    code?: "DEPENDENCY_UNAVAILABLE" | "SHUTTING_DOWN";
                };
            };
        };
        /** @description Invalid request */
        Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/validation-failed",
                 *       "title": "Bad Request",
                 *       "status": 400,
                 *       "detail": "Invalid request",
                 *       "code": "VALIDATION_FAILED",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 400;
                    /** @enum {string} */
                    code?: "VALIDATION_FAILED" | "MALFORMED_URL" | "BAD_REQUEST" | "MALFORMED_JSON";
                };
            };
        };
        /** @description EMAIL_TAKEN */
        Problem409EmailTaken: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/email-taken",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "EMAIL_TAKEN",
                 *       "code": "EMAIL_TAKEN",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 409;
                    /** @enum {string} */
                    code?: "EMAIL_TAKEN";
                };
            };
        };
        /** @description Body too large */
        Problem413PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/payload-too-large",
                 *       "title": "Payload Too Large",
                 *       "status": 413,
                 *       "detail": "Body too large",
                 *       "code": "PAYLOAD_TOO_LARGE",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 413;
                    /** @enum {string} */
                    code?: "PAYLOAD_TOO_LARGE";
                };
            };
        };
        /** @description The body is not JSON */
        Problem415UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/unsupported-media-type",
                 *       "title": "Unsupported Media Type",
                 *       "status": 415,
                 *       "detail": "The body is not JSON",
                 *       "code": "UNSUPPORTED_MEDIA_TYPE",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 415;
                    /** @enum {string} */
                    code?: "UNSUPPORTED_MEDIA_TYPE";
                };
            };
        };
        /** @description Missing, invalid, expired or revoked credentials */
        Problem401InvalidCredentials: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/invalid-credentials",
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "detail": "Missing, invalid, expired or revoked credentials",
                 *       "code": "INVALID_CREDENTIALS",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 401;
                    /** @enum {string} */
                    code?: "INVALID_CREDENTIALS";
                };
            };
        };
        /** @description Missing, invalid, expired or revoked credentials */
        Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevokedOrRefreshTokenReused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/token-missing",
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "detail": "Missing, invalid, expired or revoked credentials",
                 *       "code": "TOKEN_MISSING",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 401;
                    /** @enum {string} */
                    code?: "TOKEN_MISSING" | "TOKEN_INVALID" | "TOKEN_EXPIRED" | "TOKEN_REVOKED" | "REFRESH_TOKEN_REUSED";
                };
            };
        };
        /** @description Over a rate limit: Retry-After and the violated policies */
        Problem429RateLimited: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/rate-limited",
                 *       "title": "Too Many Requests",
                 *       "status": 429,
                 *       "detail": "Over a rate limit: Retry-After and the violated policies",
                 *       "code": "RATE_LIMITED",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 429;
                    /** @enum {string} */
                    code?: "RATE_LIMITED";
                };
            };
        };
        /** @description Missing, invalid, expired or revoked credentials */
        Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/token-missing",
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "detail": "Missing, invalid, expired or revoked credentials",
                 *       "code": "TOKEN_MISSING",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 401;
                    /** @enum {string} */
                    code?: "TOKEN_MISSING" | "TOKEN_INVALID" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                };
            };
        };
        /** @description The caller's role lacks a permission this operation needs (x-required-permissions) */
        Problem403InsufficientPermissions: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/insufficient-permissions",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "The caller's role lacks a permission this operation needs (x-required-permissions)",
                 *       "code": "INSUFFICIENT_PERMISSIONS",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 403;
                    /** @enum {string} */
                    code?: "INSUFFICIENT_PERMISSIONS";
                };
            };
        };
        /** @description Not found */
        Problem404NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/not-found",
                 *       "title": "Not Found",
                 *       "status": 404,
                 *       "detail": "Not found",
                 *       "code": "NOT_FOUND",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 404;
                    /** @enum {string} */
                    code?: "NOT_FOUND";
                };
            };
        };
        /** @description A path segment is too long */
        Problem414UriTooLong: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/uri-too-long",
                 *       "title": "URI Too Long",
                 *       "status": 414,
                 *       "detail": "A path segment is too long",
                 *       "code": "URI_TOO_LONG",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 414;
                    /** @enum {string} */
                    code?: "URI_TOO_LONG";
                };
            };
        };
        /** @description NAME_TAKEN */
        Problem409NameTaken: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://datahub.dev/problems/name-taken",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "NAME_TAKEN",
                 *       "code": "NAME_TAKEN",
                 *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"] & {
                    /** @enum {integer} */
                    status?: 409;
                    /** @enum {string} */
                    code?: "NAME_TAKEN";
                };
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    Root_root: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Found; `Location: /docs` */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            417: components["responses"]["Problem417ExpectationFailed"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    Health_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All dependencies up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "error" | "shutting_down";
                        info: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            };
                        };
                        error: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            };
                        };
                        details: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            };
                        };
                    };
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            417: components["responses"]["Problem417ExpectationFailed"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description A dependency is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "error" | "shutting_down";
                        info: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            };
                        };
                        error: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            };
                        };
                        details: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            };
                        };
                    };
                };
            };
        };
    };
    Health_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "error" | "shutting_down";
                        info: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            };
                        };
                        error: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            };
                        };
                        details: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            };
                        };
                    };
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            417: components["responses"]["Problem417ExpectationFailed"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    Health_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready for traffic */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "error" | "shutting_down";
                        info: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            };
                        };
                        error: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            };
                        };
                        details: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            };
                        };
                    };
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            417: components["responses"]["Problem417ExpectationFailed"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description A dependency is down or the node is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "error" | "shutting_down";
                        info: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            };
                        };
                        error: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            };
                        };
                        details: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            };
                        };
                    };
                };
            };
        };
    };
    Metrics_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics, including the log writers' reconciliation (datahub_log_rows by state) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            417: components["responses"]["Problem417ExpectationFailed"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    Auth_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserEnvelopeDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            409: components["responses"]["Problem409EmailTaken"];
            413: components["responses"]["Problem413PayloadTooLarge"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            /** @description Too many registrations from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/rate-limited",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many registrations from this address",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 429;
                        /** @enum {string} */
                        code?: "RATE_LIMITED";
                    };
                };
            };
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    Auth_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401InvalidCredentials"];
            413: components["responses"]["Problem413PayloadTooLarge"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            /** @description Too many failed sign-ins for this account or address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/rate-limited",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many failed sign-ins for this account or address",
                     *       "code": "RATE_LIMITED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 429;
                        /** @enum {string} */
                        code?: "RATE_LIMITED";
                    };
                };
            };
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    Auth_refresh: {
        parameters: {
            query?: never;
            header?: {
                /** @description required to use the `datahub_refresh` cookie instead of a token in the body */
                "X-DataHub-Refresh-Cookie"?: "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevokedOrRefreshTokenReused"];
            413: components["responses"]["Problem413PayloadTooLarge"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    Auth_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["LogoutDto"];
            };
        };
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            413: components["responses"]["Problem413PayloadTooLarge"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    Auth_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            /**
             * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED
             *
             *     The current password is wrong, or the access token is not valid
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/invalid-credentials",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED\n\nThe current password is wrong, or the access token is not valid",
                     *       "code": "INVALID_CREDENTIALS",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 401;
                        /** @enum {string} */
                        code?: "INVALID_CREDENTIALS" | "TOKEN_MISSING" | "TOKEN_INVALID" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                    };
                };
            };
            413: components["responses"]["Problem413PayloadTooLarge"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    Auth_logoutAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out everywhere */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            413: components["responses"]["Problem413PayloadTooLarge"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    Auth_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeEnvelopeDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    ApiKeys_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyListDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    ApiKeys_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyWithSecretEnvelopeDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            413: components["responses"]["Problem413PayloadTooLarge"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    ApiKeys_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyEnvelopeDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            404: components["responses"]["Problem404NotFound"];
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    ApiKeys_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            404: components["responses"]["Problem404NotFound"];
            413: components["responses"]["Problem413PayloadTooLarge"];
            414: components["responses"]["Problem414UriTooLong"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    ApiKeys_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateApiKeyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyEnvelopeDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            404: components["responses"]["Problem404NotFound"];
            413: components["responses"]["Problem413PayloadTooLarge"];
            414: components["responses"]["Problem414UriTooLong"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    ApiKeys_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyWithSecretEnvelopeDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            404: components["responses"]["Problem404NotFound"];
            /** @description A revoked key cannot be rotated */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-key-revoked",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "A revoked key cannot be rotated",
                     *       "code": "API_KEY_REVOKED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 409;
                        /** @enum {string} */
                        code?: "API_KEY_REVOKED";
                    };
                };
            };
            413: components["responses"]["Problem413PayloadTooLarge"];
            414: components["responses"]["Problem414UriTooLong"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    UsersAdmin_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                role?: components["schemas"]["UserRole"];
                /** @description exact email (case-insensitive) */
                email?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserListDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    UsersAdmin_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserEnvelopeDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            409: components["responses"]["Problem409EmailTaken"];
            413: components["responses"]["Problem413PayloadTooLarge"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    UsersAdmin_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserEnvelopeDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            404: components["responses"]["Problem404NotFound"];
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    UsersAdmin_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            404: components["responses"]["Problem404NotFound"];
            /** @description The last admin cannot be deleted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/last-admin",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The last admin cannot be deleted",
                     *       "code": "LAST_ADMIN",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 409;
                        /** @enum {string} */
                        code?: "LAST_ADMIN";
                    };
                };
            };
            413: components["responses"]["Problem413PayloadTooLarge"];
            414: components["responses"]["Problem414UriTooLong"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    UsersAdmin_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserEnvelopeDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            404: components["responses"]["Problem404NotFound"];
            /** @description The last admin cannot be demoted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/last-admin",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The last admin cannot be demoted",
                     *       "code": "LAST_ADMIN",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 409;
                        /** @enum {string} */
                        code?: "LAST_ADMIN";
                    };
                };
            };
            413: components["responses"]["Problem413PayloadTooLarge"];
            414: components["responses"]["Problem414UriTooLong"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    UsersAdmin_endSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out everywhere */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            404: components["responses"]["Problem404NotFound"];
            413: components["responses"]["Problem413PayloadTooLarge"];
            414: components["responses"]["Problem414UriTooLong"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    ApisAdmin_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiListDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    ApisAdmin_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiEnvelopeDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            409: components["responses"]["Problem409NameTaken"];
            413: components["responses"]["Problem413PayloadTooLarge"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    ApisAdmin_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiEnvelopeDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            404: components["responses"]["Problem404NotFound"];
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    ApisAdmin_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            404: components["responses"]["Problem404NotFound"];
            413: components["responses"]["Problem413PayloadTooLarge"];
            414: components["responses"]["Problem414UriTooLong"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    ApisAdmin_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateApiDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiEnvelopeDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            404: components["responses"]["Problem404NotFound"];
            409: components["responses"]["Problem409NameTaken"];
            413: components["responses"]["Problem413PayloadTooLarge"];
            414: components["responses"]["Problem414UriTooLong"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    RateLimitTiers_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitTierListDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    RateLimitTiers_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRateLimitTierDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitTierEnvelopeDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            409: components["responses"]["Problem409NameTaken"];
            413: components["responses"]["Problem413PayloadTooLarge"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    RateLimitTiers_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tierName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            404: components["responses"]["Problem404NotFound"];
            /** @description Keys use the tier, or it is the default tier */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/tier-in-use",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "Keys use the tier, or it is the default tier",
                     *       "code": "TIER_IN_USE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 409;
                        /** @enum {string} */
                        code?: "TIER_IN_USE";
                    };
                };
            };
            413: components["responses"]["Problem413PayloadTooLarge"];
            414: components["responses"]["Problem414UriTooLong"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    RateLimitTiers_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tierName: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateRateLimitTierDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitTierEnvelopeDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequestOrMalformedJson"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            404: components["responses"]["Problem404NotFound"];
            413: components["responses"]["Problem413PayloadTooLarge"];
            414: components["responses"]["Problem414UriTooLong"];
            415: components["responses"]["Problem415UnsupportedMediaType"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    Analytics_usage: {
        parameters: {
            query?: {
                /** @description start (inclusive), before `to`; default 24 hours before `to` */
                from?: string;
                /** @description end (exclusive), after `from`; default now */
                to?: string;
                /** @description API name */
                api?: string;
                keyId?: string;
                /** @description bucket width; minute buckets span at most 7 days, hour buckets 90 days */
                interval?: "minute" | "hour" | "day";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageResponseDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            /** @description Unknown API (API_NOT_FOUND), or a key that is not yours (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Unknown API (API_NOT_FOUND), or a key that is not yours (NOT_FOUND)",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    Analytics_summary: {
        parameters: {
            query?: {
                /** @description start (inclusive), before `to`; default 24 hours before `to` */
                from?: string;
                /** @description end (exclusive), after `from`; default now */
                to?: string;
                /** @description API name */
                api?: string;
                keyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SummaryResponseDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            /** @description Unknown API (API_NOT_FOUND), or a key that is not yours (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Unknown API (API_NOT_FOUND), or a key that is not yours (NOT_FOUND)",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    Analytics_export: {
        parameters: {
            query?: {
                /** @description start (inclusive), before `to`; default 24 hours before `to` */
                from?: string;
                /** @description end (exclusive), after `from`; default now */
                to?: string;
                /** @description API name */
                api?: string;
                keyId?: string;
                format?: "csv" | "ndjson";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/x-ndjson": string;
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            /** @description Unknown API (API_NOT_FOUND), or a key that is not yours (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Unknown API (API_NOT_FOUND), or a key that is not yours (NOT_FOUND)",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    Analytics_audit: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                from?: string;
                to?: string;
                /** @description event type, e.g. auth.login.failure */
                type?: string;
                /** @description only events by this user */
                actorUserId?: string;
                /** @description only events about this API key */
                apiKeyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditListDto"];
                };
            };
            400: components["responses"]["Problem400ValidationFailedOrMalformedUrlOrBadRequest"];
            401: components["responses"]["Problem401TokenMissingOrTokenInvalidOrTokenExpiredOrTokenRevoked"];
            403: components["responses"]["Problem403InsufficientPermissions"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            503: components["responses"]["Problem503DependencyUnavailableOrShuttingDown"];
        };
    };
    Gateway_proxyBase_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description registered API name */
                api: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upstream answer (any status passes through) */
            200: {
                headers: {
                    /** @description limit of the tightest window */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the tightest window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the tightest window frees up */
                    "X-RateLimit-Reset"?: number;
                    /** @description every window, e.g. "minute";q=60;w=60 */
                    "RateLimit-Policy"?: string;
                    /** @description the tightest window, e.g. "minute";r=42;t=18 */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/path-not-allowed",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded",
                     *       "code": "PATH_NOT_ALLOWED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 400;
                        /** @enum {string} */
                        code?: "PATH_NOT_ALLOWED" | "REQUEST_NOT_FORWARDABLE" | "MALFORMED_URL" | "BAD_REQUEST";
                    };
                };
            };
            /** @description The API requires a key: missing, malformed, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-key-missing",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The API requires a key: missing, malformed, unknown, revoked or expired",
                     *       "code": "API_KEY_MISSING",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 401;
                        /** @enum {string} */
                        code?: "API_KEY_MISSING" | "API_KEY_INVALID_FORMAT" | "API_KEY_NOT_FOUND" | "API_KEY_REVOKED" | "API_KEY_EXPIRED";
                    };
                };
            };
            /** @description The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/insufficient-permissions",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED)",
                     *       "code": "INSUFFICIENT_PERMISSIONS",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 403;
                        /** @enum {string} */
                        code?: "INSUFFICIENT_PERMISSIONS" | "IP_NOT_ALLOWED";
                    };
                };
            };
            /** @description No API is registered under this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "No API is registered under this name",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than the API's maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "The body is larger than the API's maxBodyBytes",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 413;
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description The upstream refused or dropped the connection */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Bad Gateway",
                     *       "status": 502,
                     *       "detail": "The upstream refused or dropped the connection",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 502;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 503;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE" | "DEPENDENCY_UNAVAILABLE" | "SHUTTING_DOWN";
                    };
                };
            };
            /** @description The upstream did not answer within the API's timeoutMs */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-timeout",
                     *       "title": "Gateway Timeout",
                     *       "status": 504,
                     *       "detail": "The upstream did not answer within the API's timeoutMs",
                     *       "code": "UPSTREAM_TIMEOUT",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 504;
                        /** @enum {string} */
                        code?: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    Gateway_proxyBase_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description registered API name */
                api: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upstream answer (any status passes through) */
            200: {
                headers: {
                    /** @description limit of the tightest window */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the tightest window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the tightest window frees up */
                    "X-RateLimit-Reset"?: number;
                    /** @description every window, e.g. "minute";q=60;w=60 */
                    "RateLimit-Policy"?: string;
                    /** @description the tightest window, e.g. "minute";r=42;t=18 */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/path-not-allowed",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded",
                     *       "code": "PATH_NOT_ALLOWED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 400;
                        /** @enum {string} */
                        code?: "PATH_NOT_ALLOWED" | "REQUEST_NOT_FORWARDABLE" | "MALFORMED_URL" | "BAD_REQUEST";
                    };
                };
            };
            /** @description The API requires a key: missing, malformed, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-key-missing",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The API requires a key: missing, malformed, unknown, revoked or expired",
                     *       "code": "API_KEY_MISSING",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 401;
                        /** @enum {string} */
                        code?: "API_KEY_MISSING" | "API_KEY_INVALID_FORMAT" | "API_KEY_NOT_FOUND" | "API_KEY_REVOKED" | "API_KEY_EXPIRED";
                    };
                };
            };
            /** @description The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/insufficient-permissions",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED)",
                     *       "code": "INSUFFICIENT_PERMISSIONS",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 403;
                        /** @enum {string} */
                        code?: "INSUFFICIENT_PERMISSIONS" | "IP_NOT_ALLOWED";
                    };
                };
            };
            /** @description No API is registered under this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "No API is registered under this name",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than the API's maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "The body is larger than the API's maxBodyBytes",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 413;
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description The upstream refused or dropped the connection */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Bad Gateway",
                     *       "status": 502,
                     *       "detail": "The upstream refused or dropped the connection",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 502;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 503;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE" | "DEPENDENCY_UNAVAILABLE" | "SHUTTING_DOWN";
                    };
                };
            };
            /** @description The upstream did not answer within the API's timeoutMs */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-timeout",
                     *       "title": "Gateway Timeout",
                     *       "status": 504,
                     *       "detail": "The upstream did not answer within the API's timeoutMs",
                     *       "code": "UPSTREAM_TIMEOUT",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 504;
                        /** @enum {string} */
                        code?: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    Gateway_proxyBase_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description registered API name */
                api: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upstream answer (any status passes through) */
            200: {
                headers: {
                    /** @description limit of the tightest window */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the tightest window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the tightest window frees up */
                    "X-RateLimit-Reset"?: number;
                    /** @description every window, e.g. "minute";q=60;w=60 */
                    "RateLimit-Policy"?: string;
                    /** @description the tightest window, e.g. "minute";r=42;t=18 */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/path-not-allowed",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded",
                     *       "code": "PATH_NOT_ALLOWED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 400;
                        /** @enum {string} */
                        code?: "PATH_NOT_ALLOWED" | "REQUEST_NOT_FORWARDABLE" | "MALFORMED_URL" | "BAD_REQUEST";
                    };
                };
            };
            /** @description The API requires a key: missing, malformed, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-key-missing",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The API requires a key: missing, malformed, unknown, revoked or expired",
                     *       "code": "API_KEY_MISSING",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 401;
                        /** @enum {string} */
                        code?: "API_KEY_MISSING" | "API_KEY_INVALID_FORMAT" | "API_KEY_NOT_FOUND" | "API_KEY_REVOKED" | "API_KEY_EXPIRED";
                    };
                };
            };
            /** @description The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/insufficient-permissions",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED)",
                     *       "code": "INSUFFICIENT_PERMISSIONS",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 403;
                        /** @enum {string} */
                        code?: "INSUFFICIENT_PERMISSIONS" | "IP_NOT_ALLOWED";
                    };
                };
            };
            /** @description No API is registered under this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "No API is registered under this name",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than the API's maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "The body is larger than the API's maxBodyBytes",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 413;
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description The upstream refused or dropped the connection */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Bad Gateway",
                     *       "status": 502,
                     *       "detail": "The upstream refused or dropped the connection",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 502;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 503;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE" | "DEPENDENCY_UNAVAILABLE" | "SHUTTING_DOWN";
                    };
                };
            };
            /** @description The upstream did not answer within the API's timeoutMs */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-timeout",
                     *       "title": "Gateway Timeout",
                     *       "status": 504,
                     *       "detail": "The upstream did not answer within the API's timeoutMs",
                     *       "code": "UPSTREAM_TIMEOUT",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 504;
                        /** @enum {string} */
                        code?: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    Gateway_proxyBase_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description registered API name */
                api: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upstream answer (any status passes through) */
            200: {
                headers: {
                    /** @description limit of the tightest window */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the tightest window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the tightest window frees up */
                    "X-RateLimit-Reset"?: number;
                    /** @description every window, e.g. "minute";q=60;w=60 */
                    "RateLimit-Policy"?: string;
                    /** @description the tightest window, e.g. "minute";r=42;t=18 */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/path-not-allowed",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded",
                     *       "code": "PATH_NOT_ALLOWED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 400;
                        /** @enum {string} */
                        code?: "PATH_NOT_ALLOWED" | "REQUEST_NOT_FORWARDABLE" | "MALFORMED_URL" | "BAD_REQUEST";
                    };
                };
            };
            /** @description The API requires a key: missing, malformed, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-key-missing",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The API requires a key: missing, malformed, unknown, revoked or expired",
                     *       "code": "API_KEY_MISSING",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 401;
                        /** @enum {string} */
                        code?: "API_KEY_MISSING" | "API_KEY_INVALID_FORMAT" | "API_KEY_NOT_FOUND" | "API_KEY_REVOKED" | "API_KEY_EXPIRED";
                    };
                };
            };
            /** @description The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/insufficient-permissions",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED)",
                     *       "code": "INSUFFICIENT_PERMISSIONS",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 403;
                        /** @enum {string} */
                        code?: "INSUFFICIENT_PERMISSIONS" | "IP_NOT_ALLOWED";
                    };
                };
            };
            /** @description No API is registered under this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "No API is registered under this name",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than the API's maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "The body is larger than the API's maxBodyBytes",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 413;
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description The upstream refused or dropped the connection */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Bad Gateway",
                     *       "status": 502,
                     *       "detail": "The upstream refused or dropped the connection",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 502;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 503;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE" | "DEPENDENCY_UNAVAILABLE" | "SHUTTING_DOWN";
                    };
                };
            };
            /** @description The upstream did not answer within the API's timeoutMs */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-timeout",
                     *       "title": "Gateway Timeout",
                     *       "status": 504,
                     *       "detail": "The upstream did not answer within the API's timeoutMs",
                     *       "code": "UPSTREAM_TIMEOUT",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 504;
                        /** @enum {string} */
                        code?: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    Gateway_proxyBase_options: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description registered API name */
                api: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upstream answer (any status passes through) */
            200: {
                headers: {
                    /** @description limit of the tightest window */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the tightest window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the tightest window frees up */
                    "X-RateLimit-Reset"?: number;
                    /** @description every window, e.g. "minute";q=60;w=60 */
                    "RateLimit-Policy"?: string;
                    /** @description the tightest window, e.g. "minute";r=42;t=18 */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/path-not-allowed",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded",
                     *       "code": "PATH_NOT_ALLOWED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 400;
                        /** @enum {string} */
                        code?: "PATH_NOT_ALLOWED" | "REQUEST_NOT_FORWARDABLE" | "MALFORMED_URL" | "BAD_REQUEST";
                    };
                };
            };
            /** @description The API requires a key: missing, malformed, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-key-missing",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The API requires a key: missing, malformed, unknown, revoked or expired",
                     *       "code": "API_KEY_MISSING",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 401;
                        /** @enum {string} */
                        code?: "API_KEY_MISSING" | "API_KEY_INVALID_FORMAT" | "API_KEY_NOT_FOUND" | "API_KEY_REVOKED" | "API_KEY_EXPIRED";
                    };
                };
            };
            /** @description The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/insufficient-permissions",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED)",
                     *       "code": "INSUFFICIENT_PERMISSIONS",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 403;
                        /** @enum {string} */
                        code?: "INSUFFICIENT_PERMISSIONS" | "IP_NOT_ALLOWED";
                    };
                };
            };
            /** @description No API is registered under this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "No API is registered under this name",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than the API's maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "The body is larger than the API's maxBodyBytes",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 413;
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description The upstream refused or dropped the connection */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Bad Gateway",
                     *       "status": 502,
                     *       "detail": "The upstream refused or dropped the connection",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 502;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 503;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE" | "DEPENDENCY_UNAVAILABLE" | "SHUTTING_DOWN";
                    };
                };
            };
            /** @description The upstream did not answer within the API's timeoutMs */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-timeout",
                     *       "title": "Gateway Timeout",
                     *       "status": 504,
                     *       "detail": "The upstream did not answer within the API's timeoutMs",
                     *       "code": "UPSTREAM_TIMEOUT",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 504;
                        /** @enum {string} */
                        code?: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    Gateway_proxyBase_head: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description registered API name */
                api: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upstream answer (any status passes through) */
            200: {
                headers: {
                    /** @description limit of the tightest window */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the tightest window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the tightest window frees up */
                    "X-RateLimit-Reset"?: number;
                    /** @description every window, e.g. "minute";q=60;w=60 */
                    "RateLimit-Policy"?: string;
                    /** @description the tightest window, e.g. "minute";r=42;t=18 */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/path-not-allowed",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded",
                     *       "code": "PATH_NOT_ALLOWED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 400;
                        /** @enum {string} */
                        code?: "PATH_NOT_ALLOWED" | "REQUEST_NOT_FORWARDABLE" | "MALFORMED_URL" | "BAD_REQUEST";
                    };
                };
            };
            /** @description The API requires a key: missing, malformed, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-key-missing",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The API requires a key: missing, malformed, unknown, revoked or expired",
                     *       "code": "API_KEY_MISSING",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 401;
                        /** @enum {string} */
                        code?: "API_KEY_MISSING" | "API_KEY_INVALID_FORMAT" | "API_KEY_NOT_FOUND" | "API_KEY_REVOKED" | "API_KEY_EXPIRED";
                    };
                };
            };
            /** @description The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/insufficient-permissions",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED)",
                     *       "code": "INSUFFICIENT_PERMISSIONS",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 403;
                        /** @enum {string} */
                        code?: "INSUFFICIENT_PERMISSIONS" | "IP_NOT_ALLOWED";
                    };
                };
            };
            /** @description No API is registered under this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "No API is registered under this name",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than the API's maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "The body is larger than the API's maxBodyBytes",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 413;
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description The upstream refused or dropped the connection */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Bad Gateway",
                     *       "status": 502,
                     *       "detail": "The upstream refused or dropped the connection",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 502;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 503;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE" | "DEPENDENCY_UNAVAILABLE" | "SHUTTING_DOWN";
                    };
                };
            };
            /** @description The upstream did not answer within the API's timeoutMs */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-timeout",
                     *       "title": "Gateway Timeout",
                     *       "status": 504,
                     *       "detail": "The upstream did not answer within the API's timeoutMs",
                     *       "code": "UPSTREAM_TIMEOUT",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 504;
                        /** @enum {string} */
                        code?: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    Gateway_proxyBase_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description registered API name */
                api: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upstream answer (any status passes through) */
            200: {
                headers: {
                    /** @description limit of the tightest window */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the tightest window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the tightest window frees up */
                    "X-RateLimit-Reset"?: number;
                    /** @description every window, e.g. "minute";q=60;w=60 */
                    "RateLimit-Policy"?: string;
                    /** @description the tightest window, e.g. "minute";r=42;t=18 */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/path-not-allowed",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded",
                     *       "code": "PATH_NOT_ALLOWED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 400;
                        /** @enum {string} */
                        code?: "PATH_NOT_ALLOWED" | "REQUEST_NOT_FORWARDABLE" | "MALFORMED_URL" | "BAD_REQUEST";
                    };
                };
            };
            /** @description The API requires a key: missing, malformed, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-key-missing",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The API requires a key: missing, malformed, unknown, revoked or expired",
                     *       "code": "API_KEY_MISSING",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 401;
                        /** @enum {string} */
                        code?: "API_KEY_MISSING" | "API_KEY_INVALID_FORMAT" | "API_KEY_NOT_FOUND" | "API_KEY_REVOKED" | "API_KEY_EXPIRED";
                    };
                };
            };
            /** @description The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/insufficient-permissions",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED)",
                     *       "code": "INSUFFICIENT_PERMISSIONS",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 403;
                        /** @enum {string} */
                        code?: "INSUFFICIENT_PERMISSIONS" | "IP_NOT_ALLOWED";
                    };
                };
            };
            /** @description No API is registered under this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "No API is registered under this name",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than the API's maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "The body is larger than the API's maxBodyBytes",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 413;
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description The upstream refused or dropped the connection */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Bad Gateway",
                     *       "status": 502,
                     *       "detail": "The upstream refused or dropped the connection",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 502;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 503;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE" | "DEPENDENCY_UNAVAILABLE" | "SHUTTING_DOWN";
                    };
                };
            };
            /** @description The upstream did not answer within the API's timeoutMs */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-timeout",
                     *       "title": "Gateway Timeout",
                     *       "status": 504,
                     *       "detail": "The upstream did not answer within the API's timeoutMs",
                     *       "code": "UPSTREAM_TIMEOUT",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 504;
                        /** @enum {string} */
                        code?: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    Gateway_proxy_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description registered API name */
                api: string;
                /** @description the rest of the path, forwarded below the upstream base path; may span segments (`v1/users/42`), which the API explorer sends as they are */
                path: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upstream answer (any status passes through) */
            200: {
                headers: {
                    /** @description limit of the tightest window */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the tightest window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the tightest window frees up */
                    "X-RateLimit-Reset"?: number;
                    /** @description every window, e.g. "minute";q=60;w=60 */
                    "RateLimit-Policy"?: string;
                    /** @description the tightest window, e.g. "minute";r=42;t=18 */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/path-not-allowed",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded",
                     *       "code": "PATH_NOT_ALLOWED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 400;
                        /** @enum {string} */
                        code?: "PATH_NOT_ALLOWED" | "REQUEST_NOT_FORWARDABLE" | "MALFORMED_URL" | "BAD_REQUEST";
                    };
                };
            };
            /** @description The API requires a key: missing, malformed, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-key-missing",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The API requires a key: missing, malformed, unknown, revoked or expired",
                     *       "code": "API_KEY_MISSING",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 401;
                        /** @enum {string} */
                        code?: "API_KEY_MISSING" | "API_KEY_INVALID_FORMAT" | "API_KEY_NOT_FOUND" | "API_KEY_REVOKED" | "API_KEY_EXPIRED";
                    };
                };
            };
            /** @description The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/insufficient-permissions",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED)",
                     *       "code": "INSUFFICIENT_PERMISSIONS",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 403;
                        /** @enum {string} */
                        code?: "INSUFFICIENT_PERMISSIONS" | "IP_NOT_ALLOWED";
                    };
                };
            };
            /** @description No API is registered under this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "No API is registered under this name",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than the API's maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "The body is larger than the API's maxBodyBytes",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 413;
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description The upstream refused or dropped the connection */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Bad Gateway",
                     *       "status": 502,
                     *       "detail": "The upstream refused or dropped the connection",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 502;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 503;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE" | "DEPENDENCY_UNAVAILABLE" | "SHUTTING_DOWN";
                    };
                };
            };
            /** @description The upstream did not answer within the API's timeoutMs */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-timeout",
                     *       "title": "Gateway Timeout",
                     *       "status": 504,
                     *       "detail": "The upstream did not answer within the API's timeoutMs",
                     *       "code": "UPSTREAM_TIMEOUT",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 504;
                        /** @enum {string} */
                        code?: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    Gateway_proxy_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description registered API name */
                api: string;
                /** @description the rest of the path, forwarded below the upstream base path; may span segments (`v1/users/42`), which the API explorer sends as they are */
                path: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upstream answer (any status passes through) */
            200: {
                headers: {
                    /** @description limit of the tightest window */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the tightest window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the tightest window frees up */
                    "X-RateLimit-Reset"?: number;
                    /** @description every window, e.g. "minute";q=60;w=60 */
                    "RateLimit-Policy"?: string;
                    /** @description the tightest window, e.g. "minute";r=42;t=18 */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/path-not-allowed",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded",
                     *       "code": "PATH_NOT_ALLOWED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 400;
                        /** @enum {string} */
                        code?: "PATH_NOT_ALLOWED" | "REQUEST_NOT_FORWARDABLE" | "MALFORMED_URL" | "BAD_REQUEST";
                    };
                };
            };
            /** @description The API requires a key: missing, malformed, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-key-missing",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The API requires a key: missing, malformed, unknown, revoked or expired",
                     *       "code": "API_KEY_MISSING",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 401;
                        /** @enum {string} */
                        code?: "API_KEY_MISSING" | "API_KEY_INVALID_FORMAT" | "API_KEY_NOT_FOUND" | "API_KEY_REVOKED" | "API_KEY_EXPIRED";
                    };
                };
            };
            /** @description The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/insufficient-permissions",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED)",
                     *       "code": "INSUFFICIENT_PERMISSIONS",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 403;
                        /** @enum {string} */
                        code?: "INSUFFICIENT_PERMISSIONS" | "IP_NOT_ALLOWED";
                    };
                };
            };
            /** @description No API is registered under this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "No API is registered under this name",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than the API's maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "The body is larger than the API's maxBodyBytes",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 413;
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description The upstream refused or dropped the connection */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Bad Gateway",
                     *       "status": 502,
                     *       "detail": "The upstream refused or dropped the connection",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 502;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 503;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE" | "DEPENDENCY_UNAVAILABLE" | "SHUTTING_DOWN";
                    };
                };
            };
            /** @description The upstream did not answer within the API's timeoutMs */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-timeout",
                     *       "title": "Gateway Timeout",
                     *       "status": 504,
                     *       "detail": "The upstream did not answer within the API's timeoutMs",
                     *       "code": "UPSTREAM_TIMEOUT",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 504;
                        /** @enum {string} */
                        code?: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    Gateway_proxy_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description registered API name */
                api: string;
                /** @description the rest of the path, forwarded below the upstream base path; may span segments (`v1/users/42`), which the API explorer sends as they are */
                path: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upstream answer (any status passes through) */
            200: {
                headers: {
                    /** @description limit of the tightest window */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the tightest window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the tightest window frees up */
                    "X-RateLimit-Reset"?: number;
                    /** @description every window, e.g. "minute";q=60;w=60 */
                    "RateLimit-Policy"?: string;
                    /** @description the tightest window, e.g. "minute";r=42;t=18 */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/path-not-allowed",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded",
                     *       "code": "PATH_NOT_ALLOWED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 400;
                        /** @enum {string} */
                        code?: "PATH_NOT_ALLOWED" | "REQUEST_NOT_FORWARDABLE" | "MALFORMED_URL" | "BAD_REQUEST";
                    };
                };
            };
            /** @description The API requires a key: missing, malformed, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-key-missing",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The API requires a key: missing, malformed, unknown, revoked or expired",
                     *       "code": "API_KEY_MISSING",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 401;
                        /** @enum {string} */
                        code?: "API_KEY_MISSING" | "API_KEY_INVALID_FORMAT" | "API_KEY_NOT_FOUND" | "API_KEY_REVOKED" | "API_KEY_EXPIRED";
                    };
                };
            };
            /** @description The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/insufficient-permissions",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED)",
                     *       "code": "INSUFFICIENT_PERMISSIONS",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 403;
                        /** @enum {string} */
                        code?: "INSUFFICIENT_PERMISSIONS" | "IP_NOT_ALLOWED";
                    };
                };
            };
            /** @description No API is registered under this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "No API is registered under this name",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than the API's maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "The body is larger than the API's maxBodyBytes",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 413;
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description The upstream refused or dropped the connection */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Bad Gateway",
                     *       "status": 502,
                     *       "detail": "The upstream refused or dropped the connection",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 502;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 503;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE" | "DEPENDENCY_UNAVAILABLE" | "SHUTTING_DOWN";
                    };
                };
            };
            /** @description The upstream did not answer within the API's timeoutMs */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-timeout",
                     *       "title": "Gateway Timeout",
                     *       "status": 504,
                     *       "detail": "The upstream did not answer within the API's timeoutMs",
                     *       "code": "UPSTREAM_TIMEOUT",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 504;
                        /** @enum {string} */
                        code?: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    Gateway_proxy_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description registered API name */
                api: string;
                /** @description the rest of the path, forwarded below the upstream base path; may span segments (`v1/users/42`), which the API explorer sends as they are */
                path: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upstream answer (any status passes through) */
            200: {
                headers: {
                    /** @description limit of the tightest window */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the tightest window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the tightest window frees up */
                    "X-RateLimit-Reset"?: number;
                    /** @description every window, e.g. "minute";q=60;w=60 */
                    "RateLimit-Policy"?: string;
                    /** @description the tightest window, e.g. "minute";r=42;t=18 */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/path-not-allowed",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded",
                     *       "code": "PATH_NOT_ALLOWED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 400;
                        /** @enum {string} */
                        code?: "PATH_NOT_ALLOWED" | "REQUEST_NOT_FORWARDABLE" | "MALFORMED_URL" | "BAD_REQUEST";
                    };
                };
            };
            /** @description The API requires a key: missing, malformed, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-key-missing",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The API requires a key: missing, malformed, unknown, revoked or expired",
                     *       "code": "API_KEY_MISSING",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 401;
                        /** @enum {string} */
                        code?: "API_KEY_MISSING" | "API_KEY_INVALID_FORMAT" | "API_KEY_NOT_FOUND" | "API_KEY_REVOKED" | "API_KEY_EXPIRED";
                    };
                };
            };
            /** @description The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/insufficient-permissions",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED)",
                     *       "code": "INSUFFICIENT_PERMISSIONS",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 403;
                        /** @enum {string} */
                        code?: "INSUFFICIENT_PERMISSIONS" | "IP_NOT_ALLOWED";
                    };
                };
            };
            /** @description No API is registered under this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "No API is registered under this name",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than the API's maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "The body is larger than the API's maxBodyBytes",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 413;
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description The upstream refused or dropped the connection */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Bad Gateway",
                     *       "status": 502,
                     *       "detail": "The upstream refused or dropped the connection",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 502;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 503;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE" | "DEPENDENCY_UNAVAILABLE" | "SHUTTING_DOWN";
                    };
                };
            };
            /** @description The upstream did not answer within the API's timeoutMs */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-timeout",
                     *       "title": "Gateway Timeout",
                     *       "status": 504,
                     *       "detail": "The upstream did not answer within the API's timeoutMs",
                     *       "code": "UPSTREAM_TIMEOUT",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 504;
                        /** @enum {string} */
                        code?: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    Gateway_proxy_options: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description registered API name */
                api: string;
                /** @description the rest of the path, forwarded below the upstream base path; may span segments (`v1/users/42`), which the API explorer sends as they are */
                path: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upstream answer (any status passes through) */
            200: {
                headers: {
                    /** @description limit of the tightest window */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the tightest window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the tightest window frees up */
                    "X-RateLimit-Reset"?: number;
                    /** @description every window, e.g. "minute";q=60;w=60 */
                    "RateLimit-Policy"?: string;
                    /** @description the tightest window, e.g. "minute";r=42;t=18 */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/path-not-allowed",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded",
                     *       "code": "PATH_NOT_ALLOWED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 400;
                        /** @enum {string} */
                        code?: "PATH_NOT_ALLOWED" | "REQUEST_NOT_FORWARDABLE" | "MALFORMED_URL" | "BAD_REQUEST";
                    };
                };
            };
            /** @description The API requires a key: missing, malformed, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-key-missing",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The API requires a key: missing, malformed, unknown, revoked or expired",
                     *       "code": "API_KEY_MISSING",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 401;
                        /** @enum {string} */
                        code?: "API_KEY_MISSING" | "API_KEY_INVALID_FORMAT" | "API_KEY_NOT_FOUND" | "API_KEY_REVOKED" | "API_KEY_EXPIRED";
                    };
                };
            };
            /** @description The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/insufficient-permissions",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED)",
                     *       "code": "INSUFFICIENT_PERMISSIONS",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 403;
                        /** @enum {string} */
                        code?: "INSUFFICIENT_PERMISSIONS" | "IP_NOT_ALLOWED";
                    };
                };
            };
            /** @description No API is registered under this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "No API is registered under this name",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than the API's maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "The body is larger than the API's maxBodyBytes",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 413;
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description The upstream refused or dropped the connection */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Bad Gateway",
                     *       "status": 502,
                     *       "detail": "The upstream refused or dropped the connection",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 502;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 503;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE" | "DEPENDENCY_UNAVAILABLE" | "SHUTTING_DOWN";
                    };
                };
            };
            /** @description The upstream did not answer within the API's timeoutMs */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-timeout",
                     *       "title": "Gateway Timeout",
                     *       "status": 504,
                     *       "detail": "The upstream did not answer within the API's timeoutMs",
                     *       "code": "UPSTREAM_TIMEOUT",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 504;
                        /** @enum {string} */
                        code?: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    Gateway_proxy_head: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description registered API name */
                api: string;
                /** @description the rest of the path, forwarded below the upstream base path; may span segments (`v1/users/42`), which the API explorer sends as they are */
                path: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upstream answer (any status passes through) */
            200: {
                headers: {
                    /** @description limit of the tightest window */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the tightest window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the tightest window frees up */
                    "X-RateLimit-Reset"?: number;
                    /** @description every window, e.g. "minute";q=60;w=60 */
                    "RateLimit-Policy"?: string;
                    /** @description the tightest window, e.g. "minute";r=42;t=18 */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/path-not-allowed",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded",
                     *       "code": "PATH_NOT_ALLOWED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 400;
                        /** @enum {string} */
                        code?: "PATH_NOT_ALLOWED" | "REQUEST_NOT_FORWARDABLE" | "MALFORMED_URL" | "BAD_REQUEST";
                    };
                };
            };
            /** @description The API requires a key: missing, malformed, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-key-missing",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The API requires a key: missing, malformed, unknown, revoked or expired",
                     *       "code": "API_KEY_MISSING",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 401;
                        /** @enum {string} */
                        code?: "API_KEY_MISSING" | "API_KEY_INVALID_FORMAT" | "API_KEY_NOT_FOUND" | "API_KEY_REVOKED" | "API_KEY_EXPIRED";
                    };
                };
            };
            /** @description The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/insufficient-permissions",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED)",
                     *       "code": "INSUFFICIENT_PERMISSIONS",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 403;
                        /** @enum {string} */
                        code?: "INSUFFICIENT_PERMISSIONS" | "IP_NOT_ALLOWED";
                    };
                };
            };
            /** @description No API is registered under this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "No API is registered under this name",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than the API's maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "The body is larger than the API's maxBodyBytes",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 413;
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description The upstream refused or dropped the connection */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Bad Gateway",
                     *       "status": 502,
                     *       "detail": "The upstream refused or dropped the connection",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 502;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 503;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE" | "DEPENDENCY_UNAVAILABLE" | "SHUTTING_DOWN";
                    };
                };
            };
            /** @description The upstream did not answer within the API's timeoutMs */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-timeout",
                     *       "title": "Gateway Timeout",
                     *       "status": 504,
                     *       "detail": "The upstream did not answer within the API's timeoutMs",
                     *       "code": "UPSTREAM_TIMEOUT",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 504;
                        /** @enum {string} */
                        code?: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    Gateway_proxy_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description registered API name */
                api: string;
                /** @description the rest of the path, forwarded below the upstream base path; may span segments (`v1/users/42`), which the API explorer sends as they are */
                path: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upstream answer (any status passes through) */
            200: {
                headers: {
                    /** @description limit of the tightest window */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the tightest window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the tightest window frees up */
                    "X-RateLimit-Reset"?: number;
                    /** @description every window, e.g. "minute";q=60;w=60 */
                    "RateLimit-Policy"?: string;
                    /** @description the tightest window, e.g. "minute";r=42;t=18 */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/path-not-allowed",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded",
                     *       "code": "PATH_NOT_ALLOWED",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 400;
                        /** @enum {string} */
                        code?: "PATH_NOT_ALLOWED" | "REQUEST_NOT_FORWARDABLE" | "MALFORMED_URL" | "BAD_REQUEST";
                    };
                };
            };
            /** @description The API requires a key: missing, malformed, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-key-missing",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The API requires a key: missing, malformed, unknown, revoked or expired",
                     *       "code": "API_KEY_MISSING",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 401;
                        /** @enum {string} */
                        code?: "API_KEY_MISSING" | "API_KEY_INVALID_FORMAT" | "API_KEY_NOT_FOUND" | "API_KEY_REVOKED" | "API_KEY_EXPIRED";
                    };
                };
            };
            /** @description The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/insufficient-permissions",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED)",
                     *       "code": "INSUFFICIENT_PERMISSIONS",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 403;
                        /** @enum {string} */
                        code?: "INSUFFICIENT_PERMISSIONS" | "IP_NOT_ALLOWED";
                    };
                };
            };
            /** @description No API is registered under this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/api-not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "No API is registered under this name",
                     *       "code": "API_NOT_FOUND",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 404;
                        /** @enum {string} */
                        code?: "API_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than the API's maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "The body is larger than the API's maxBodyBytes",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 413;
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            414: components["responses"]["Problem414UriTooLong"];
            417: components["responses"]["Problem417ExpectationFailed"];
            429: components["responses"]["Problem429RateLimited"];
            431: components["responses"]["Problem431HeadersTooLarge"];
            500: components["responses"]["Problem500Internal"];
            /** @description The upstream refused or dropped the connection */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Bad Gateway",
                     *       "status": 502,
                     *       "detail": "The upstream refused or dropped the connection",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 502;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down",
                     *       "code": "UPSTREAM_UNAVAILABLE",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 503;
                        /** @enum {string} */
                        code?: "UPSTREAM_UNAVAILABLE" | "DEPENDENCY_UNAVAILABLE" | "SHUTTING_DOWN";
                    };
                };
            };
            /** @description The upstream did not answer within the API's timeoutMs */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://datahub.dev/problems/upstream-timeout",
                     *       "title": "Gateway Timeout",
                     *       "status": 504,
                     *       "detail": "The upstream did not answer within the API's timeoutMs",
                     *       "code": "UPSTREAM_TIMEOUT",
                     *       "requestId": "6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {integer} */
                        status?: 504;
                        /** @enum {string} */
                        code?: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
}
