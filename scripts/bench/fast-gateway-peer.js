#!/usr/bin/env node
/**
 * A Node API gateway peer for `bench:gateway`: fast-gateway (restana + fast-proxy-lite)
 * forwarding /gateway/fast/* to UPSTREAM_URL, with no authentication, no limits and no
 * logging. What a lean Node gateway costs, next to the bare Nest proxy and DataHub.
 */
const gateway = require('fast-gateway');

const server = gateway({
  routes: [{ prefix: '/gateway/fast', target: process.env.UPSTREAM_URL }],
});
server.start(Number(process.env.PORT), '127.0.0.1').then(() => process.send?.('ready'));
