// The chatbot's agent calls (/api/v1/bot/...): the hand-off queue, a conversation, replies and agent-assist.
import { ApiError, session } from './api';

export interface BotCitation {
  doc: string;
  clause: string;
  name: string;
  url: string;
}

export interface BotReply {
  text: string;
  quickReplies: string[];
  citations: BotCitation[];
}

export interface SlotValue {
  slot: string;
  label: string;
  value: string | number;
  text: string;
}

export interface QueueItem {
  id: string;
  state: 'bot' | 'pending' | 'open' | 'resolved';
  stateName: string;
  kind: 'chat' | 'callback' | null;
  reason: string | null;
  waitingSince: string | null;
  waitingSeconds: number | null;
  assignee: { id: string; name: string | null } | null;
  callback: { phoneMasked: string; window: string } | null;
  lastMessage: string | null;
  slots: SlotValue[];
  signedIn: boolean;
}

export interface TranscriptMessage {
  id: number;
  from: 'user' | 'bot' | 'agent';
  text: string;
  quickReplies: string[];
  citations: BotCitation[];
  at: string;
  intent: string | null;
  score: number | null;
  slots: SlotValue[] | null;
  authorName: string | null;
}

export interface BotResult {
  form: string;
  title: string;
  input: unknown;
  output: unknown;
  at: string;
}

export interface Conversation extends QueueItem {
  callbackPhone: string | null;
  outcome: string | null;
  outcomeName: string | null;
  results: BotResult[];
  messages: TranscriptMessage[];
}

export interface AssistContext {
  slots?: Record<string, string | number>;
  form?: string;
  awaiting?: string;
}

export interface AssistAnswer {
  intent: string;
  score: number;
  reply: BotReply;
  clauses: { doc: string; clause: string; name: string; text: string }[];
  context: AssistContext;
}

export interface Presence {
  available: boolean;
  since: string | null;
}

/** One call of the API with the signed-in token; a refusal throws the server's Chinese message. */
export async function call<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const headers = new Headers();
  if (session.token) headers.set('Authorization', `Bearer ${session.token}`);
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '连接不上服务器，请检查网络后再试。');
  }
  const payload = (await res.json().catch(() => null)) as
    (T & { error?: { code: string; message: string; details?: { path: string; message: string }[] } }) | null;
  if (!res.ok) {
    const e = payload?.error;
    throw new ApiError(res.status, e?.code ?? 'unknown', e?.message ?? '请求没有成功，请稍后再试。', e?.details ?? []);
  }
  return payload as T;
}

const enc = encodeURIComponent;

export const agentApi = {
  presence: () => call<Presence>('/bot/agents/me'),
  setPresence: (available: boolean) => call<Presence>('/bot/agents/me', 'PUT', { available }),
  queue: () => call<QueueItem[]>('/bot/handoffs'),
  conversation: (id: string) => call<Conversation>(`/bot/handoffs/${enc(id)}`),
  take: (id: string) => call<Conversation>(`/bot/handoffs/${enc(id)}/take`, 'POST', {}),
  reply: (id: string, text: string) => call<Conversation>(`/bot/handoffs/${enc(id)}/replies`, 'POST', { text }),
  release: (id: string) => call<Conversation>(`/bot/handoffs/${enc(id)}/release`, 'POST', {}),
  close: (id: string, outcome: string, note?: string) =>
    call<Conversation>(`/bot/handoffs/${enc(id)}/close`, 'POST', { outcome, ...(note ? { note } : {}) }),
  assist: (text: string, context?: AssistContext) =>
    call<AssistAnswer>('/bot/assist', 'POST', { text, ...(context ? { context } : {}) }),
};
