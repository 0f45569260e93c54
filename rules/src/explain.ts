import type { DocId } from './domain';
import { docShortName, getDocument } from './documents';
import { chineseDate } from './dates';
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
    this.documentNotes(seg.doc, seg.pastPeriod === true);
    return seg;
  }

  documentNotes(doc: DocId, pastPeriod: boolean): void {
    const d = getDocument(doc);
    const titleCite = d.cite;
    if (d.draft) {
      this.note(
        'draft-document',
        `${docShortName(doc)}是征求意见稿，不是正式发布的文件。这里的数字只供参考，以正式文件和当地医保部门的通知为准。`,
        titleCite,
      );
    }
    if (pastPeriod && d.inForce.to) {
      this.note(
        'document-expired',
        `${docShortName(doc)}的期限到${chineseDate(d.inForce.to)}为止，已经过期。` +
          '接替它的文件不在本系统的规则库中，下面按它最后的规定说明，仅供参考，请向当地医保部门确认现行标准。',
        d.cite,
      );
    }
  }
}
