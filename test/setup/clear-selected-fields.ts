import { clearRecordedSelections } from '../support/selected-fields.ts';

/** vitest globalSetup: every run starts recording the selected fields afresh. */
export default function setup(): void {
  clearRecordedSelections();
}
