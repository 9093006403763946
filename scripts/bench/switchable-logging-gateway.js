/**
 * The production gateway (dist/) for `npm run bench:logs`, with its request logging switched
 * on and off at run time by the benchmark ('logging:on' / 'logging:off' over IPC), so that
 * logging's cost can be measured within one process instead of between two, whose speeds
 * differ by more than logging costs. Only the benchmark does this; the product has no such
 * switch (REQUEST_LOG_ENABLED is read at start).
 *
 * While off, the gateway's request-log hooks return at once: no row is built, queued or
 * written. What remains of them is one function call per hook, which Fastify makes anyway
 * for its other onResponse hooks (metrics, tracing).
 */
const { join } = require('node:path');

const DIST = join(__dirname, '..', '..', 'dist');
const requestLogHook = require(join(DIST, 'libs/gateway/src/logging/gateway-request-log.hook'));

let logging = true;
process.on('message', (message) => {
  if (message === 'logging:on' || message === 'logging:off') logging = message === 'logging:on';
});

/** The gateway module installs its hooks through this export; each hook gets a switch in front. */
const install = requestLogHook.installGatewayRequestLog;
requestLogHook.installGatewayRequestLog = (fastify, writer) =>
  install(
    {
      decorateRequest: (...args) => fastify.decorateRequest(...args),
      addHook(name, hook) {
        if (name === 'onSend')
          fastify.addHook(name, (request, reply, payload, done) =>
            logging ? hook(request, reply, payload, done) : done(null, payload),
          );
        else fastify.addHook(name, (request, reply, done) => (logging ? hook(request, reply, done) : done()));
      },
    },
    writer,
  );

require(join(DIST, 'apps/gateway/src/main.js'));
