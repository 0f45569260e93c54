import { Btn } from './Btn';

/** One question's answers as big choice buttons, the chosen one marked; a tap answers and moves on. */
export function Choices({
  items,
  selected,
  choose,
}: {
  items: readonly { id: string; name: string }[];
  selected: string | undefined;
  choose: (id: string) => void;
}) {
  return (
    <>
      {items.map((x) => (
        <Btn key={x.id} kind="choice" selected={x.id === selected} onClick={() => choose(x.id)}>
          {x.name}
        </Btn>
      ))}
    </>
  );
}
