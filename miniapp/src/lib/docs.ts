// Document and clause names as the server gives them, fetched once per visit.
import { get } from './api';
import type { ClauseEntry, DocumentView } from './types';

let documents: Promise<DocumentView[]> | null = null;
const clauseLists = new Map<string, Promise<ClauseEntry[]>>();

export function allDocuments(): Promise<DocumentView[]> {
  documents ??= get<DocumentView[]>('/documents').catch((err: unknown) => {
    documents = null;
    throw err;
  });
  return documents;
}

export function clausesOf(doc: string): Promise<ClauseEntry[]> {
  let p = clauseLists.get(doc);
  if (!p) {
    p = get<DocumentView & { clauses: ClauseEntry[] }>(`/documents/${encodeURIComponent(doc)}`).then((d) => d.clauses);
    p.catch(() => clauseLists.delete(doc));
    clauseLists.set(doc, p);
  }
  return p;
}

export const docName = (d: DocumentView) => d.shortName ?? d.title;

export const STATUS_WORDS: Record<DocumentView['status'], string> = {
  draft: '征求意见稿（未正式发布）',
  'in-force': '现行有效',
  expired: '已过期',
  'not-yet': '尚未施行',
};
