// What a reply is made of, and the pieces every answer shares: notes in one sentence each, clauses by
// their Chinese names with a link to their words.
import { citationsText, citationText, type Cite, type Note, type NoteCode } from '@changhu/rules';

export interface CitationView {
  doc: string;
  clause: string;
  /** The clause as a reader says it: 温州市长护险实施方案（征求意见稿）第二部分第（五）项. */
  name: string;
  /** The words of the clause: GET of the documents API. */
  url: string;
}

export interface Reply {
  text: string;
  quickReplies: string[];
  citations: CitationView[];
}

export function reply(text: string, quickReplies: string[] = [], cites: readonly Cite[] = []): Reply {
  return { text, quickReplies, citations: citationViews(cites) };
}

export function citationViews(cites: readonly Cite[]): CitationView[] {
  const seen = new Set<string>();
  const out: CitationView[] = [];
  for (const c of cites) {
    const key = `${c.doc} ${c.clause}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      doc: c.doc,
      clause: c.clause,
      name: citationText(c),
      url: `/api/v1/documents/${encodeURIComponent(c.doc)}/clauses/${encodeURIComponent(c.clause)}`,
    });
  }
  return out;
}

/** "依据：…" naming the clauses in words; '' when there are none. */
export function basisText(cites: readonly Cite[]): string {
  return cites.length ? `依据：${citationsText(cites)}。` : '';
}

/** The notes a person must hear with an answer (the rest stay in the steps the agent can read). */
const NOTES_THAT_MATTER: readonly NoteCode[] = [
  'no-document',
  'draft-document',
  'document-expired',
  'not-covered',
  'mode-not-offered',
  'grade-not-eligible',
  'set-locally',
  'indicative',
  'prorated',
  'coverage-assumed',
  'benefits-not-started',
  'calendar-unpublished',
  'short-term-disability',
  'duration-too-short',
];

/** The first sentence of a text (up to and with its first 。). */
export function firstSentence(text: string): string {
  const i = text.indexOf('。');
  return i < 0 ? text : text.slice(0, i + 1);
}

/** One short sentence per note that matters, each said once. */
export function noteSentences(notes: readonly Pick<Note, 'code' | 'text'>[]): string[] {
  const out: string[] = [];
  for (const n of notes) {
    if (!NOTES_THAT_MATTER.includes(n.code)) continue;
    const s = firstSentence(n.text);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}
