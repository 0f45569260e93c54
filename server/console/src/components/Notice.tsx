import { forwardRef, type ReactNode } from 'react';

/** An error the user can act on; read out at once by screen readers. */
export function ErrorNote({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="notice notice-error" role="alert">
      {message}
    </p>
  );
}

/** A quiet confirmation ("已办理…"); focusable so the page can move focus to it after an action. */
export const StatusNote = forwardRef<HTMLParagraphElement, { children: ReactNode }>(function StatusNote(
  { children },
  ref,
) {
  return (
    <p className="notice notice-ok" role="status" tabIndex={-1} ref={ref}>
      {children}
    </p>
  );
});
