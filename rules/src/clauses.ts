// The words of the seed documents, clause by clause, so every Cite resolves to text.
// Data: ./data/clauses.json, generated from rules/law by rules/scripts/extract-clauses.ts.
import type { DocId } from './domain';
import clauses from './data/clauses.json';

/** One clause of a seed document, e.g. wenzhou-2023 §二(五) 支付标准. */
export interface Clause {
  /** Stable citation id: §标题, §前言, §二, §二(五), §二(四)1, §二(四)1(1), §(十) (jilin-2022), §附. */
  id: string;
  /** Heading words of the clause ('支付标准'); '' when the clause opens with prose instead of a heading. */
  title: string;
  /** Full text, paragraphs joined by '\n'; a parent's text includes its children's. */
  text: string;
  /** Id of the enclosing clause; null for §标题, §前言, sections and §附. */
  parent: string | null;
}

// Checked against the Clause shape at compile time; frozen lookups are built once.
const DATA: Readonly<Record<DocId, readonly Clause[]>> = clauses;
const INDEX = new Map<DocId, Map<string, Clause>>(
  (Object.keys(DATA) as DocId[]).map((doc) => [doc, new Map(DATA[doc].map((c) => [c.id, c]))]),
);

/** All clauses of a document in reading order. */
export function listClauses(doc: DocId): Clause[] {
  return (DATA[doc] ?? []).map((c) => ({ ...c }));
}

export function getClause(doc: DocId, clauseId: string): Clause | undefined {
  const clause = INDEX.get(doc)?.get(clauseId);
  return clause && { ...clause };
}

export function hasClause(doc: DocId, clauseId: string): boolean {
  return INDEX.get(doc)?.has(clauseId) ?? false;
}

/** The words of the law behind a citation, or undefined when the citation does not resolve. */
export function clauseText(doc: DocId, clauseId: string): string | undefined {
  return INDEX.get(doc)?.get(clauseId)?.text;
}
