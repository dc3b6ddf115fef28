import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/scale/redis-connection.ts';
import { RedisPollBudgetLimiter } from '../../src/scale/redis-poll-budget.ts';
import { redisAvailable } from './redis-server.ts';
import { useRedisSuite } from './redis-suite.ts';

// The job polls' budget every replica shares: the cluster's polls together keep to their share of a quota.

describe.skipIf(!redisAvailable)('RedisPollBudgetLimiter', () => {
  const redis = useRedisSuite();
  const { connections } = redis;

  async function replica(keyPrefix: string, scope: string): Promise<RedisPollBudgetLimiter> {
    const connection = connectRedis({ url: redis.url, connectionName: 'budget' });
    connections.push(connection);
    await connection.ping();
    return new RedisPollBudgetLimiter(connection, { keyPrefix, scope });
  }

  it('makes one replica’s poll wait for another’s of the same account and action, not of another account', async () => {
    const keyPrefix = `test-${randomUUID()}:`;
    const [a, b, otherAccount] = await Promise.all([
      replica(keyPrefix, 'alice'),
      replica(keyPrefix, 'alice'),
      replica(keyPrefix, 'bob'),
    ]);
    // One poll a second: the first goes at once, the next one waits for its turn wherever it is asked.
    expect(
      (await a.acquire('DescribeHostDeployRecordDetail', 'DescribeHostDeployRecordDetail', 1)).waitedMs,
    ).toBe(0);
    const otherAccountsTurn = await otherAccount.acquire(
      'DescribeHostDeployRecordDetail',
      'DescribeHostDeployRecordDetail',
      1,
    );
    expect(otherAccountsTurn.waitedMs).toBe(0);
    const bsTurn = await b.acquire('DescribeHostDeployRecordDetail', 'DescribeHostDeployRecordDetail', 1);
    expect(bsTurn.waitedMs).toBeGreaterThan(0);
  });

  it('falls back to a budget of its own while Redis is not there, rather than failing the poll', async () => {
    const connection = connectRedis({ url: 'redis://127.0.0.1:1', connectionName: 'nowhere' });
    connection.on('error', () => undefined);
    connections.push(connection);
    const budget = new RedisPollBudgetLimiter(connection, { keyPrefix: 'test:', scope: 'alice' });
    const grant = await budget.acquire('DescribeHostDeployRecordDetail', 'DescribeHostDeployRecordDetail', 1);
    expect(grant.waitedMs).toBe(0);
    budget.dispose();
  });
});
