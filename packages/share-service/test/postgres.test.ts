import { after, it } from 'node:test';
import { contractSuite } from './contract.ts';
import { postgresKind } from './helpers.ts';
import { type PgCluster, startPgCluster } from './pg-server.ts';

// A throwaway PostgreSQL server on a free loopback port. Starting it is a test of its own, so missing binaries show up
// as a failure with the reason (not just as cancelled tests).
let cluster: PgCluster | undefined;

it('starts a throwaway PostgreSQL server (needs Debian package postgresql)', async () => {
  cluster = await startPgCluster();
});

after(() => cluster?.stop());

contractSuite(
  postgresKind(() => {
    if (!cluster) throw new Error('The PostgreSQL test server did not start; see the first failure.');
    return cluster;
  }),
);
