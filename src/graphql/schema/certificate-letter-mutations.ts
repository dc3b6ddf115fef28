// Uploading the signed confirmation letter of an OV/EV order and the revocation letter of an OV/EV revocation.
// Both actions are "no longer maintained" upstream (use the console) but still answer, so they stay reachable.
import { builder } from '../builder.ts';
import { certificateIdOf, InputRejection } from './certificate-inputs.ts';
import { certificatePayload, checkingInput } from './certificate-payloads.ts';
import { inGraphTerms, upstreamInputs } from './upstream-input-errors.ts';
import { gatewayUserError, MUTATION_INPUT } from './user-error.ts';

/** The upstream's documented bounds for a letter file (catalogue §1.4). */
const MIN_LETTER_BYTES = 1024;
const MAX_LETTER_BYTES = 1.4 * 1024 * 1024;

const LETTER_SIGNATURES: ReadonlyArray<readonly [kind: string, magic: Buffer]> = [
  ['JPEG', Buffer.from([0xff, 0xd8, 0xff])],
  ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ['PDF', Buffer.from('%PDF', 'latin1')],
  // Accepted only for WoSign certificates; the upstream decides per brand.
  ['GIF', Buffer.from('GIF8', 'latin1')],
];

/** Checks a base64 letter file before it is sent (size and type), returning it unchanged. */
export function checkedLetter(base64: string, field: readonly string[]): string {
  const compact = base64.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    throw new InputRejection('LETTER_NOT_BASE64', 'The letter must be a base64-encoded file.', field);
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length < MIN_LETTER_BYTES) {
    throw new InputRejection('LETTER_TOO_SMALL', 'The letter file must be at least 1 KB.', field);
  }
  if (bytes.length > MAX_LETTER_BYTES) {
    throw new InputRejection('LETTER_TOO_LARGE', 'The letter file must be at most 1.4 MB.', field);
  }
  if (!LETTER_SIGNATURES.some(([, magic]) => bytes.subarray(0, magic.length).equals(magic))) {
    throw new InputRejection('LETTER_TYPE_INVALID', 'The letter must be a JPEG, PNG or PDF file.', field);
  }
  return compact;
}

const CertificateConfirmationLetterUploadInput = builder.inputType(
  'CertificateConfirmationLetterUploadInput',
  {
    description: 'The signed confirmation letter of an OV/EV certificate order.',
    fields: (t) => ({
      id: t.id({ required: true, description: 'The certificate ID.' }),
      letter: t.string({
        required: true,
        description: 'The letter file, base64-encoded: JPEG, PNG or PDF, between 1 KB and 1.4 MB.',
      }),
    }),
  },
);

const CertificateRevocationLetterUploadInput = builder.inputType('CertificateRevocationLetterUploadInput', {
  description: 'The signed revocation letter of an OV/EV certificate.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The certificate ID.' }),
    letter: t.string({
      required: true,
      description: 'The letter file, base64-encoded: JPEG, PNG or PDF, between 1 KB and 1.4 MB.',
    }),
  }),
});

const CertificateConfirmationLetterUploadPayload = certificatePayload(
  'CertificateConfirmationLetterUploadPayload',
  'The result of certificateConfirmationLetterUpload.',
  'The certificate, now under CA review; null when the upload failed.',
);

const CertificateRevocationLetterUploadPayload = certificatePayload(
  'CertificateRevocationLetterUploadPayload',
  'The result of certificateRevocationLetterUpload.',
  'The certificate, now being revoked; null when the upload failed.',
);

/** The letter's own failures (its size or format); the others are about the certificate. */
const LETTER_CODE = /Letter(Too|Format)|^FailedOperation\.(FileToo|InvalidFileType)/;

const CONFIRMATION_LETTER_INPUTS = upstreamInputs('UploadConfirmLetter', {
  parameters: { CertificateId: ['input', 'id'], ConfirmLetter: ['input', 'letter'] },
  clues: [{ code: LETTER_CODE, parameter: 'ConfirmLetter' }],
  fallback: [['input', 'id']],
});

const REVOCATION_LETTER_INPUTS = upstreamInputs('UploadRevokeLetter', {
  parameters: { CertificateId: ['input', 'id'], RevokeLetter: ['input', 'letter'] },
  clues: [{ code: LETTER_CODE, parameter: 'RevokeLetter' }],
  fallback: [['input', 'id']],
});

const LETTER_REFUSED = gatewayUserError('LETTER_NOT_ACCEPTED', 'Tencent Cloud did not accept the letter.', [
  'input',
  'letter',
]);

const NOT_MAINTAINED =
  'Tencent Cloud no longer maintains letter uploads through its API; upload letters in the console.';

builder.mutationFields((t) => ({
  certificateConfirmationLetterUpload: t.field({
    type: CertificateConfirmationLetterUploadPayload,
    description:
      'Uploads the signed confirmation letter of an OV/EV order that waits for it (UploadConfirmLetter); the CA ' +
      'review continues afterwards.',
    deprecationReason: NOT_MAINTAINED,
    args: {
      input: t.arg({
        type: CertificateConfirmationLetterUploadInput,
        required: true,
        description: MUTATION_INPUT,
      }),
    },
    resolve: (_root, { input }, context) =>
      checkingInput(async () => {
        const outcome = await context.loaders.mutations.run(
          'UploadConfirmLetter',
          {
            CertificateId: certificateIdOf(input.id),
            ConfirmLetter: checkedLetter(input.letter, ['input', 'letter']),
          },
          { userErrorOf: inGraphTerms(CONFIRMATION_LETTER_INPUTS, { input }) },
        );
        if (!outcome.ok) return { userErrors: outcome.userErrors };
        return outcome.response.IsSuccess
          ? { certificateId: outcome.response.CertificateId, userErrors: [] }
          : LETTER_REFUSED;
      }),
  }),

  certificateRevocationLetterUpload: t.field({
    type: CertificateRevocationLetterUploadPayload,
    description:
      'Uploads the signed revocation letter of an OV/EV certificate that waits for it (UploadRevokeLetter); the ' +
      'revocation proceeds afterwards.',
    deprecationReason: NOT_MAINTAINED,
    args: {
      input: t.arg({
        type: CertificateRevocationLetterUploadInput,
        required: true,
        description: MUTATION_INPUT,
      }),
    },
    resolve: (_root, { input }, context) =>
      checkingInput(async () => {
        const outcome = await context.loaders.mutations.run(
          'UploadRevokeLetter',
          {
            CertificateId: certificateIdOf(input.id),
            RevokeLetter: checkedLetter(input.letter, ['input', 'letter']),
          },
          { userErrorOf: inGraphTerms(REVOCATION_LETTER_INPUTS, { input }) },
        );
        if (!outcome.ok) return { userErrors: outcome.userErrors };
        return outcome.response.IsSuccess
          ? { certificateId: outcome.response.CertificateId, userErrors: [] }
          : LETTER_REFUSED;
      }),
  }),
}));
