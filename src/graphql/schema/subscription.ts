import { builder } from '../builder.ts';
import type { JobSnapshot } from '../jobs/job-kinds.ts';
import { MAX_POLL_INTERVAL_MS } from '../jobs/job-wait.ts';
import { JobKindRef, JobRef } from './job.ts';

// Subscriptions are served over Server-Sent Events (Yoga's default: `accept: text/event-stream`).
builder.subscriptionType({
  description:
    'Live updates over Server-Sent Events (send the operation with `accept: text/event-stream`). Every ' +
    'subscription needs the ssl:read scope.',
  authScopes: { read: true },
});

builder.subscriptionField('jobProgress', (t) =>
  t.field({
    type: JobRef,
    description:
      'Follows a job: sends its current state, then every change, and ends after its final state (or after ' +
      'sending null when the job does not exist). All subscribers of one job share one upstream poll. Each event ' +
      'is resolved afresh: its nested fields (instances, resources, listing entries) are read for that event.',
    args: {
      kind: t.arg({ type: JobKindRef, required: true, description: 'Which kind of job `id` names.' }),
      id: t.arg.id({ required: true, description: 'The job ID.' }),
      pollIntervalMs: t.arg.int({
        description:
          `How often to look at the job, in milliseconds (default 2000, at most ${MAX_POLL_INTERVAL_MS}); the ` +
          'gateway enforces a minimum to protect rate limits.',
      }),
    },
    subscribe: (_root, args, context) =>
      context.jobs.watch(args.kind, String(args.id), {
        intervalMs: args.pollIntervalMs,
        signal: context.signal,
      }),
    resolve: (snapshot: JobSnapshot | null, _args, context) => {
      // One context serves the whole stream; without this, what its loaders read for the first event would
      // answer every later one (a task's resources, a record's listing entry) while the snapshot moved on.
      // Events are resolved one after the other, so clearing here affects this event only.
      context.loaders.clearAll();
      return snapshot;
    },
  }),
);
