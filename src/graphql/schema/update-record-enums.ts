import { upstreamEnum } from './upstream-enum.ts';

// Enums shared by the two kinds of certificate update: replacing one certificate by another on its bound
// resources (UpdateRecord) and replacing a certificate's content under the same ID (UploadUpdateRecord). Resource
// types are the shared ResourceType (cloud-resource-enums.ts).

const UPDATE_STATUS_VALUES = {
  PENDING: { value: 0, description: 'Waiting to start.' },
  SUCCEEDED: { value: 1, description: 'The certificate was updated.' },
  FAILED: { value: 2, description: 'The update failed (see the error message where there is one).' },
  DEPLOYING: { value: 3, description: 'The update is in progress.' },
  ROLLBACK_SUCCEEDED: { value: 4, description: 'The update was rolled back.' },
  ROLLBACK_FAILED: { value: 5, description: 'Rolling the update back failed.' },
  NO_RESOURCE: { value: 6, description: 'There was no resource to update, so nothing was deployed.' },
} as const;

export const UpdateStatus = upstreamEnum('UpdateStatus', UPDATE_STATUS_VALUES, {
  description:
    'Where a certificate update stands, for one resource instance or a whole record (the SSL API deploy ' +
    'record status 0..6).',
  upstreamField: 'update record Status',
});

const UPDATE_CREATION_STATUS_VALUES = {
  PENDING: { value: 0, description: 'Not started yet.' },
  DONE: { value: 1, description: 'Every bound resource has been scanned.' },
  PROCESSING: { value: 3, description: 'The bound resources are being scanned.' },
} as const;

export const UpdateCreationStatus = upstreamEnum('UpdateCreationStatus', UPDATE_CREATION_STATUS_VALUES, {
  description:
    'How far Tencent Cloud is in creating an update task (scanning the resources bound to the certificate).',
  upstreamField: 'UpdateSyncProgress Status',
});
