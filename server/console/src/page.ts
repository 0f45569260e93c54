// A page that shows one thing from the API and acts on it: read on open (and when its id changes), the title
// focused once it is there, reread after an action, the confirmation ("已…") focused once it shows.
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from './api';
import { useFocusWhen } from './components/Form';

export function usePage<T>(fetch: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const heading = useFocusWhen<HTMLHeadingElement>(data !== null);
  const doneNote = useFocusWhen<HTMLParagraphElement>(done);

  /** Reads the page again and shows it; resolves what was read (callers say what changed). */
  const reload = useCallback(async () => {
    const fresh = await fetch();
    setData(fresh);
    return fresh;
  }, [fetch]);

  useEffect(() => {
    setData(null);
    setError(null);
    setDone(null);
    reload().catch((err: unknown) => setError(messageOf(err)));
  }, [reload]);

  return { data, setData, error, setError, done, setDone, heading, doneNote, reload };
}
