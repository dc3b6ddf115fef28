import { afterAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/graphql/yoga.ts';
import type { SslCaller } from '../../src/ssl/actions.ts';
import type { DescribeHostDeployRecordDetailResponse } from '../../src/ssl/models.generated.ts';
import { deployDetail } from '../support/deploy-record-detail.ts';

// Deploy record instances share the deploy-status scale the SSL API documents for update records, whose 6 is
// "no resource, nothing to deploy" (无资源，无需部署). The emulator never sends it: the upstream here is a fake.

/** A finished record of two instances: one deployed (1), one with nothing to deploy (6). */
function recordWithNothingToDeploy(): DescribeHostDeployRecordDetailResponse {
  const [deployed] = deployDetail(1).DeployRecordDetailList;
  if (deployed === undefined) throw new Error('deployDetail has no instance');
  return {
    ...deployDetail(1),
    TotalCount: 2,
    DeployRecordDetailList: [deployed, { ...deployed, Id: 2, InstanceId: 'j', Status: 6 }],
    SuccessTotalCount: 1,
    FailedTotalCount: 0,
    RunningTotalCount: 0,
  };
}

const upstream: SslCaller = {
  call(action) {
    if (action !== 'DescribeHostDeployRecordDetail') return Promise.reject(new Error(`unexpected ${action}`));
    return Promise.resolve(recordWithNothingToDeploy()) as never;
  },
};

const gateway = createGateway({ ssl: upstream, logging: false, graphiql: false });
afterAll(() => gateway.dispose());

describe('a deploy record instance with no resource (status 6)', () => {
  it('is NO_RESOURCE, and does not keep the record it belongs to from finishing as succeeded', async () => {
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ deployRecord(id: "1001") {
          status isFinished progress { total succeeded failed running pending }
          instances { edges { node { status } } }
        } }`,
      }),
    });
    const result = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      deployRecord: {
        status: 'SUCCEEDED',
        isFinished: true,
        progress: { total: 2, succeeded: 1, failed: 0, running: 0, pending: 0 },
        instances: { edges: [{ node: { status: 'SUCCEEDED' } }, { node: { status: 'NO_RESOURCE' } }] },
      },
    });
  });
});
