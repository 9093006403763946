/**
 * Where Nest puts an HTTP request's objects among a guard's arguments. Hot-path guards read
 * them with `context.getArgByIndex(HTTP_REQUEST)`: `switchToHttp()` allocates an object and
 * three closures on every call.
 */
export const HTTP_REQUEST = 0;
export const HTTP_REPLY = 1;
