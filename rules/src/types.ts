import type { DocId } from './domain';

/** A clause of a seed document, e.g. {doc: 'wenzhou-2023', clause: '§二(五)'}. */
export interface Cite {
  doc: DocId;
  clause: string;
}

/** Stable codes of the notes a decision attaches to its result. */
export type NoteCode =
  | 'draft-document'
  | 'document-expired'
  | 'no-document'
  | 'set-locally'
  | 'indicative'
  | 'prorated'
  | 'coverage-assumed'
  | 'not-covered'
  | 'grade-not-eligible'
  | 'mode-not-offered'
  | 'short-term-disability'
  | 'duration-too-short'
  | 'cap-on-eligible-cost'
  | 'daily-living-share'
  | 'one-mode-at-a-time'
  | 'calendar-unpublished'
  | 'interpretation'
  | 'estimate-only'
  | 'unverified-standard'
  | 'benefits-not-started'
  | 'no-double-benefit'
  | 'beyond-plan-self-paid'
  | 'suspended-during-stay'
  | 'paid-elsewhere-not-paid'
  | 'outpatient-continues'
  | 'local-services-only'
  | 'reassessment-may-stop'
  | 'first-period-family-rate'
  | 'pilot-scope'
  | 'subsidised-contribution';

export interface Note {
  code: NoteCode;
  text: string;
  cite?: Cite[];
}

/** One step of the explanation of a decision: what was looked up or computed, and why. */
export interface Step {
  text: string;
  cite?: Cite[];
}
