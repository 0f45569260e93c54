// Talking to the chatbot over HTTP the way the mini-program does, and answering its questions.
import { questionFor, SLOT_NAMES, type SlotName } from '../../src/bot/slots';
import { bearer, type TestApp } from './app';

export interface BotAnswer {
  sessionId: string;
  intent: string;
  score: number;
  entities: { type: string; value: string | number; text: string }[];
  reply: {
    text: string;
    quickReplies: string[];
    citations: { doc: string; clause: string; name: string; url: string }[];
  };
  messageId: number;
  handoff?: {
    state: string;
    kind: string;
    waitingSince: string | null;
    position: number | null;
    callback: { phoneMasked: string; window: string } | null;
  };
}

export class BotChat {
  sessionId: string | undefined;
  last: BotAnswer | undefined;
  constructor(
    private readonly t: TestApp,
    private readonly token?: string,
  ) {}

  async say(text: string): Promise<BotAnswer> {
    let req = this.t.http.post('/api/v1/bot/messages');
    if (this.token) req = req.set(bearer(this.token));
    const res = await req.send({ ...(this.sessionId ? { sessionId: this.sessionId } : {}), text });
    if (res.status !== 200) throw new Error(`bot said ${res.status}: ${JSON.stringify(res.body)}`);
    this.sessionId = res.body.sessionId;
    this.last = res.body as BotAnswer;
    return this.last;
  }
}

/** The slot a reply asks for, recognised by the bot's own question for it. */
export function askedSlot(text: string): SlotName | undefined {
  return SLOT_NAMES.find((s) => text.includes(questionFor(s)));
}

/**
 * Answers the bot's questions from `answers` until it answers; fails on a question not in `answers`
 * (so a test lists exactly what the region's rule may ask). Returns the answer and the slots asked, in order.
 */
export async function fillForm(
  chat: BotChat,
  first: string,
  answers: Partial<Record<SlotName, string>>,
): Promise<{ answer: BotAnswer; asked: SlotName[] }> {
  let r = await chat.say(first);
  const asked: SlotName[] = [];
  for (let i = 0; i < 12; i++) {
    const slot = askedSlot(r.reply.text);
    if (!slot) return { answer: r, asked };
    asked.push(slot);
    const text = answers[slot];
    if (text === undefined)
      throw new Error(`unexpected question for ${slot}: ${r.reply.text} (asked so far: ${asked})`);
    r = await chat.say(text);
  }
  throw new Error(`the bot kept asking: ${asked.join(', ')}`);
}
