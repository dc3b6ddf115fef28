import type { EmulatorClock } from './clock.ts';
import { AccountStore } from './store/accounts.ts';
import { CertificateStore } from './store/certificates.ts';
import { DeleteTaskStore } from './store/delete-tasks.ts';
import { DownloadLinkStore } from './store/download-links.ts';
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
  readonly deleteTasks = new DeleteTaskStore();
  readonly downloadLinks = new DownloadLinkStore();

  /** The stores that derive state from time read it from `clock`, the one the emulator's handlers run on. */
  constructor(clock: EmulatorClock) {
    this.certificates.connect(this, clock);
    this.accounts.attachClock(clock);
    this.resources.useClock(clock);
  }
}
