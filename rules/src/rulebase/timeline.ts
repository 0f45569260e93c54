import type { DocId } from '../domain';
import { getDocument } from '../documents';
import { addDays } from '../dates';
import type { Cite } from '../types';

/** Every timeline starts here, so that any date from 1900 on resolves to exactly one segment. */
export const BEGIN = '1900-01-01';

export type Unit =
  | 'fen/month'
  | 'fen/year'
  | 'percent'
  | 'fen/person-year'
  | 'working-days'
  | 'months'
  | 'offered'
  | 'coverage'
  | 'grade'
  | 'rule';

/** What a document says for a period: a value, or that a body outside the rule base sets it. */
export type Body<T> =
  { kind: 'value'; value: T; cite: Cite[] } | { kind: 'set-locally'; decidedBy: string; cite: Cite[]; indicative?: T };

export type Segment<T> = { from: string; to: string | null } & (
  | (Body<T> & {
      doc: DocId;
      /** Set on the open tail after a document's period: the last known value, marked as such. */
      pastPeriod?: true;
    })
  | { kind: 'no-document' }
);

export interface Rule<T> {
  id: string;
  label: string;
  unit: Unit;
  timeline: Segment<T>[];
}

export interface Piece<T> {
  doc: DocId;
  /** Defaults to the document's first day in force. */
  from?: string;
  body: Body<T>;
}

/**
 * Builds a gapless timeline: 'no-document' until the first piece, each piece until the next one starts,
 * the last until its document's period ends, then the last known value marked as past its period.
 */
export function timeline<T>(pieces: Piece<T>[]): Segment<T>[] {
  if (pieces.length === 0) throw new Error('a timeline needs at least one piece');
  const starts = pieces.map((p) => p.from ?? getDocument(p.doc).inForce.from);
  const out: Segment<T>[] = [];
  if (starts[0] > BEGIN) out.push({ from: BEGIN, to: addDays(starts[0], -1), kind: 'no-document' });
  pieces.forEach((p, i) => {
    const last = i === pieces.length - 1;
    const end = last ? getDocument(p.doc).inForce.to : addDays(starts[i + 1], -1);
    out.push({ from: starts[i], to: end, doc: p.doc, ...p.body });
    if (last && end !== null) out.push({ from: addDays(end, 1), to: null, doc: p.doc, ...p.body, pastPeriod: true });
  });
  return out;
}

export function segmentAt<T>(rule: Rule<T>, date: string): Segment<T> {
  const seg = rule.timeline.find((s) => s.from <= date && (s.to === null || date <= s.to));
  if (!seg) throw new Error(`rule ${rule.id} has no segment on ${date}`);
  return seg;
}

export const cite = (doc: DocId, clause: string): Cite => ({ doc, clause });
export const value = <T>(v: T, ...cites: Cite[]): Body<T> => ({ kind: 'value', value: v, cite: cites });
export const setLocally = <T = never>(decidedBy: string, cites: Cite[], indicative?: T): Body<T> =>
  indicative === undefined
    ? { kind: 'set-locally', decidedBy, cite: cites }
    : { kind: 'set-locally', decidedBy, cite: cites, indicative };
