// What every officer action shares: a button that opens the form, labelled fields whose notes sit under them,
// the form's own check before sending, the server's Chinese message (and its per-field notes) on refusal, and
// the submit/cancel row. Each form states only its fields, its check and its request.
import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { ApiError, messageOf } from '../api';
import { ErrorNote } from './Notice';

export type FieldErrors = Record<string, string>;

/** Moves focus to the element once `when` becomes truthy (a page's title once loaded, a confirmation once shown). */
export function useFocusWhen<T extends HTMLElement>(when: unknown) {
  const ref = useRef<T>(null);
  const on = Boolean(when);
  useEffect(() => {
    if (on) ref.current?.focus();
  }, [on, when]);
  return ref;
}

/** The state of one action: the notes under the fields, the message above the buttons, and whether it is sending. */
export function useAction() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** The form's own check: shows what is missing under each field and `summary` above the buttons. */
  function check(missing: FieldErrors, summary: string): boolean {
    setErrors(missing);
    if (Object.keys(missing).length) {
      setError(summary);
      return false;
    }
    setError(null);
    return true;
  }

  /**
   * Sends the request. On refusal: the server's message, and its per-field details under the fields (only those
   * in `fields`, when given). Resolves whether it went through.
   */
  async function send(request: () => Promise<unknown>, fields?: readonly string[]): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await request();
      return true;
    } catch (err) {
      setError(messageOf(err));
      if (err instanceof ApiError) {
        const details = fields ? err.details.filter((d) => fields.includes(d.path)) : err.details;
        setErrors(Object.fromEntries(details.map((d) => [d.path, d.message])));
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** Clears the notes, e.g. when a choice the others depend on changes. */
  function clear() {
    setErrors({});
    setError(null);
  }

  return { errors, error, busy, check, send, clear, setError };
}

/** What an opened form is given: 取消 closes it; `onDone` closes it and passes on what was done. */
export interface Opened<T> {
  onCancel: () => void;
  onDone: (value: T) => void;
}

/** A button that opens a form in its place; the form is mounted afresh each time it opens. */
export function Opens<T>({
  label,
  className = 'button button-quiet',
  onDone,
  form,
}: {
  label: string;
  className?: string;
  onDone: (value: T) => void;
  form: (opened: Opened<T>) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return form({
    onCancel: () => setOpen(false),
    onDone: (value) => {
      setOpen(false);
      onDone(value);
    },
  });
}

/**
 * The frame of an action form: a titled inline form, the message above the buttons, the submit button (its text
 * while sending) and, when it can be cancelled, 取消.
 */
export function ActionForm({
  title,
  level = 3,
  intro,
  className = 'inline-form stack',
  error,
  busy,
  submit,
  busyText,
  submitClass = 'button',
  disabled = false,
  onSubmit,
  onCancel,
  children,
}: {
  title: ReactNode;
  level?: 3 | 4;
  intro?: ReactNode;
  className?: string;
  error: string | null;
  busy: boolean;
  submit: string;
  busyText?: string;
  submitClass?: string;
  disabled?: boolean;
  onSubmit: () => void;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const id = useId();
  const Heading = level === 3 ? 'h3' : 'h4';
  const submitButton = (
    <button type="submit" className={submitClass} disabled={busy || disabled}>
      {busy && busyText ? busyText : submit}
    </button>
  );
  return (
    <form
      className={className}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <Heading id={`${id}-title`}>{title}</Heading>
      {intro && <p className="muted">{intro}</p>}
      {children}
      <ErrorNote message={error} />
      {onCancel ? (
        <div className="button-row">
          {submitButton}
          <button type="button" className="button button-quiet" onClick={onCancel} disabled={busy}>
            取消
          </button>
        </div>
      ) : (
        submitButton
      )}
    </form>
  );
}

interface FieldProps {
  id: string;
  label: ReactNode;
  /** The note under the field (the form's check or the server's). */
  error?: string;
  /** A hint the control is described by. */
  hint?: ReactNode;
  /** `data-field` on the hint, for tests and styles. */
  hintField?: string;
  /** Further lines under the control (not part of its description). */
  extra?: ReactNode;
  value: string;
  onValue: (value: string) => void;
}

type Native<T> = Omit<T, keyof FieldProps | 'onChange' | 'children'>;

type Frame = Omit<FieldProps, 'value' | 'onValue'>;

/** A field's frame, its control's shared attributes (value, note and hint tied to it), and the rest as given. */
function split<P extends FieldProps>(props: P) {
  const { id, label, error, hint, hintField, extra, value, onValue, ...native } = props;
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  const control = {
    id,
    value,
    'aria-invalid': Boolean(error),
    'aria-describedby': describedBy || undefined,
    onChange: (e: { target: { value: string } }) => onValue(e.target.value),
  };
  return { frame: { id, label, error, hint, hintField, extra } satisfies Frame, control, native };
}

function Field({ id, label, error, hint, hintField, extra, children }: Frame & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="hint" id={`${id}-hint`} data-field={hintField}>
          {hint}
        </p>
      )}
      {extra}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled input; its note and hint are tied to it for screen readers. */
export function InputField(props: FieldProps & Native<InputHTMLAttributes<HTMLInputElement>>) {
  const { frame, control, native } = split(props);
  return (
    <Field {...frame}>
      <input {...native} {...control} />
    </Field>
  );
}

/** A labelled select; `options` are its options. */
export function SelectField(
  props: FieldProps & Native<SelectHTMLAttributes<HTMLSelectElement>> & { options: ReactNode },
) {
  const { frame, control, native } = split(props);
  const { options, ...select } = native;
  return (
    <Field {...frame}>
      <select {...select} {...control}>
        {options}
      </select>
    </Field>
  );
}

/** A labelled text area (reasons, notes). */
export function TextAreaField(props: FieldProps & Native<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const { frame, control, native } = split(props);
  return (
    <Field {...frame}>
      <textarea {...native} {...control} />
    </Field>
  );
}

/** A reason in words (up to 200 characters, as the server takes). */
export function ReasonField(props: FieldProps & { rows?: number }) {
  return <TextAreaField rows={2} maxLength={200} {...props} />;
}

/** A group of tick boxes (plan items): the chosen names, in the order they were ticked. */
export function Choices({
  legend,
  hint,
  names,
  chosen,
  onChange,
}: {
  legend: string;
  hint: string;
  names: string[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
}) {
  const id = useId();
  return (
    <fieldset className="choices" aria-describedby={`${id}-hint`}>
      <legend>{legend}</legend>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {names.map((name) => (
        <label key={name} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(name)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, name] : chosen.filter((n) => n !== name))}
          />
          {name}
        </label>
      ))}
    </fieldset>
  );
}
