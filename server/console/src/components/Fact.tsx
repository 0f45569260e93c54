import type { ReactNode } from 'react';

/** One term and its value inside a <dl className="facts">. */
export function Fact({
  term,
  children,
  highlight,
  field,
}: {
  term: string;
  children: ReactNode;
  highlight?: boolean;
  /** data-field on the value, so tests and styles can find a figure without relying on its label. */
  field?: string;
}) {
  return (
    <div className={highlight ? 'highlight' : undefined}>
      <dt>{term}</dt>
      <dd data-field={field}>{children}</dd>
    </div>
  );
}
