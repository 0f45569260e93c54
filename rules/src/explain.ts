import { documentStatusNotes } from './interpretations';
import type { Segment } from './rulebase/timeline';
import type { Cite, Note, NoteCode, Step } from './types';

/** Collects what a decision used: its notes, citations and steps, each once. */
export class Trace {
  readonly notes: Note[] = [];
  readonly citations: Cite[] = [];
  readonly steps: Step[] = [];

  cite(...cites: Cite[]): void {
    for (const c of cites) {
      if (!this.citations.some((x) => x.doc === c.doc && x.clause === c.clause)) this.citations.push(c);
    }
  }

  note(code: NoteCode, text: string, cite?: Cite[]): void {
    if (this.notes.some((n) => n.code === code && n.text === text)) return;
    this.notes.push(cite && cite.length > 0 ? { code, text, cite } : { code, text });
    if (cite) this.cite(...cite);
  }

  step(text: string, cite?: Cite[]): void {
    this.steps.push(cite && cite.length > 0 ? { text, cite } : { text });
    if (cite) this.cite(...cite);
  }

  /** Records a looked-up segment: its citations and what its document's status means for the answer. */
  use<T>(seg: Segment<T>): Segment<T> {
    if (seg.kind === 'no-document') return seg;
    this.cite(...seg.cite);
    documentStatusNotes(this, seg.doc, seg.pastPeriod === true);
    return seg;
  }
}
