import type { DescribeHostDeployRecordDetailResponse } from '../../src/ssl/models.generated.ts';

/** An upstream answer for a deployment of one instance in `status` (1 finished it, anything else keeps it running). */
export function deployDetail(status: number): DescribeHostDeployRecordDetailResponse {
  const done = status === 1;
  return {
    TotalCount: 1,
    DeployRecordDetailList: [
      {
        Id: 1,
        CertId: 'c',
        OldCertId: '',
        InstanceId: 'i',
        InstanceName: 'n',
        ListenerId: '',
        Domains: [],
        Protocol: '',
        Status: status,
        ErrorMsg: '',
        CreateTime: '2025-06-24 10:00:00',
        UpdateTime: '2025-06-24 10:00:03',
        ListenerName: '',
        SniSwitch: 0,
        Bucket: '',
        Namespace: '',
        SecretName: '',
        Port: 0,
        EnvId: '',
        TCBType: '',
        Region: '',
        Url: [],
      },
    ],
    SuccessTotalCount: done ? 1 : 0,
    FailedTotalCount: 0,
    RunningTotalCount: done ? 0 : 1,
    RequestId: 'r',
  };
}
