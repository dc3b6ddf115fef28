import { AccountStore } from './store/accounts.ts';
import { CertificateStore } from './store/certificates.ts';
import { JobStore } from './store/jobs.ts';
import { OperationLogStore } from './store/operation-logs.ts';
import { ResourceStore } from './store/resources.ts';

/**
 * Everything the emulated account holds. Each domain owns its store; handlers of one domain may read
 * another's store through its methods, never through its internals.
 */
export class EmulatorState {
  readonly certificates = new CertificateStore();
  readonly accounts = new AccountStore();
  readonly resources = new ResourceStore();
  readonly jobs = new JobStore();
  readonly operationLogs = new OperationLogStore();
}
