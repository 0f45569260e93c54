import { Btn } from './Btn';
import { Step } from './Step';

export interface QuizItem {
  id: string;
  question: string;
  hint?: string;
  options: { value: string; label: string; hint?: string }[];
}

/** One item a screen; after the last one, done(answers). */
export function Quiz({
  items,
  answers,
  at,
  set,
}: {
  items: QuizItem[];
  answers: Record<string, string>;
  at: number;
  set: (answers: Record<string, string>, at: number | 'result') => void;
}) {
  const item = items[Math.min(at, items.length - 1)];
  const i = items.indexOf(item);
  return (
    <Step
      n={i + 1}
      total={items.length}
      question={item.question}
      hint={item.hint}
      onBack={i > 0 ? () => set(answers, i - 1) : undefined}
    >
      {item.options.map((o) => (
        <Btn
          key={o.value}
          kind="choice"
          hint={o.hint}
          selected={answers[item.id] === o.value}
          onClick={() => {
            const next = { ...answers, [item.id]: o.value };
            set(next, i + 1 >= items.length ? 'result' : i + 1);
          }}
        >
          {o.label}
        </Btn>
      ))}
    </Step>
  );
}
