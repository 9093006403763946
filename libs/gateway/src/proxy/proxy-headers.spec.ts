import { downstreamResponseHeaders, upstreamRequestHeaders } from './proxy-headers';

const context = {
  clientAddress: '10.1.2.3',
  protocol: 'http',
  host: 'gw.example',
  requestId: 'req-1',
  keyId: 'key-1',
  dropAuthorization: false,
};

describe('proxy headers', () => {
  it('strips hop-by-hop fields, the fields Connection names, our credential and method overrides', () => {
    const headers = upstreamRequestHeaders(
      {
        connection: 'keep-alive, x-secret-hop',
        'keep-alive': 'timeout=5',
        'x-secret-hop': '1',
        te: 'trailers',
        upgrade: 'websocket',
        'proxy-authorization': 'Basic x',
        'x-api-key': 'dh_secret',
        'x-http-method-override': 'DELETE',
        host: 'gw.example',
        accept: 'application/json',
        'x-datahub-key-id': 'spoofed',
        'x-forwarded-proto': 'spoofed',
      },
      context,
    );
    expect(headers).toEqual({
      accept: 'application/json',
      'x-forwarded-for': '10.1.2.3',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': 'gw.example',
      'x-request-id': 'req-1',
      'x-datahub-key-id': 'key-1',
    });
  });

  it('appends to X-Forwarded-For and drops Authorization only when it carried the API key', () => {
    const incoming = { 'x-forwarded-for': '1.1.1.1', authorization: 'Bearer dh_x' };
    expect(upstreamRequestHeaders(incoming, context)).toMatchObject({
      'x-forwarded-for': '1.1.1.1, 10.1.2.3',
      authorization: 'Bearer dh_x',
    });
    expect(upstreamRequestHeaders(incoming, { ...context, dropAuthorization: true }).authorization).toBeUndefined();
  });

  it('filters hop-by-hop response fields', () => {
    expect(
      downstreamResponseHeaders({
        connection: 'close, x-hop',
        'x-hop': '1',
        'transfer-encoding': 'chunked',
        'content-type': 'application/json',
        'set-cookie': ['a=1', 'b=2'],
      }),
    ).toEqual({
      'content-type': 'application/json',
      'set-cookie': ['a=1', 'b=2'],
    });
  });
});
