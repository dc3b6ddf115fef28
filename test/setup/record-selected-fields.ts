// vitest setupFiles: every gateway a test file builds records the fields its executed documents select, kept
// when the file ends (see test/support/selected-fields.ts). Yoga is wrapped here, not in each test, so that
// every way a test reaches a gateway (helpers, raw fetch, SSE, federation) counts.
import { randomUUID } from 'node:crypto';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { afterAll, vi } from 'vitest';
import { saveRecordedSelections, selectionsOfThisProcess } from '../support/selected-fields.ts';

vi.mock('graphql-yoga', async (importOriginal) => {
  const yoga = await importOriginal<typeof import('graphql-yoga')>();
  // Imported here: the factory is hoisted above this file's imports.
  const { recordSelections, selectionsOfThisProcess } = await import('../support/selected-fields.ts');
  const record = ({ args }: { args: { schema: GraphQLSchema; document: DocumentNode } }): void => {
    recordSelections(args.schema, args.document, selectionsOfThisProcess());
  };
  const createYoga: typeof yoga.createYoga = (options) =>
    yoga.createYoga({
      ...options,
      plugins: [...(options.plugins ?? []), { onExecute: record, onSubscribe: record }],
    });
  return { ...yoga, createYoga };
});

afterAll(() => {
  const selected = selectionsOfThisProcess();
  if (selected.size === 0) return;
  saveRecordedSelections(randomUUID(), selected);
  selected.clear();
});
