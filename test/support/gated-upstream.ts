import type { SslActionName, SslCaller } from '../../src/ssl/actions.ts';
import type { DescribeHostDeployRecordDetailResponse } from '../../src/ssl/models.generated.ts';

/** An upstream whose every call waits until the test answers or fails it, recording which actions were called. */
export function gatedUpstream() {
  const calls: SslActionName[] = [];
  const waiting: Array<{ resolve: (value: unknown) => void; reject: (error: unknown) => void }> = [];
  const ssl: SslCaller = {
    call(action) {
      calls.push(action);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject })) as never;
    },
  };
  return {
    ssl,
    calls,
    /** Answers every call waiting now with a deploy record's detail. */
    answer(response: DescribeHostDeployRecordDetailResponse) {
      for (const call of waiting.splice(0)) call.resolve(response);
    },
    /** Fails every call waiting now. */
    fail(error: unknown) {
      for (const call of waiting.splice(0)) call.reject(error);
    },
  };
}
