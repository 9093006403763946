/** `npm run test:cluster`: the scale-out harness (Redis Cluster, PostgreSQL replica, three gateway processes). */
const base = require('./jest.config.js');
const shared = { ...base.projects[1] };
delete shared.globalSetup;
delete shared.globalTeardown;

module.exports = {
  ...shared,
  displayName: 'cluster',
  testMatch: ['<rootDir>/test/cluster/**/*.cluster-spec.ts'],
  testTimeout: 60_000,
};
