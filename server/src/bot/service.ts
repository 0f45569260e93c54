// The chatbot's conversations in the database: each message loads the conversation, runs the dialog and
// saves slots, dialog state and results with the masked transcript, so any server instance (or a restarted
// one) takes the next message. Hand-offs follow Chatwoot's states: bot → pending (waiting since) → open
// (assignee) → resolved, and back to the bot.
import { z } from 'zod';
import type { Classifier, Entity } from '@changhu/intents';
import { extractEntities } from '@changhu/intents';
import { getClause, type DocId } from '@changhu/rules';
import type { Db } from '../db';
import type { BotConversation, BotMessage } from '../generated/prisma/client';
import { AppError, conflict, notFound } from '../lib/errors';
import { maskPersonalData, maskPhone } from '../lib/personal';
import type { AuthUser } from '../lib/roles';
import { shanghaiDate, type Clock } from '../lib/time';
import type { ApplicationService } from '../services/applications';
import type { ProviderService } from '../services/providers';
import { respond, type ConversationState, type DialogEnv, type DialogState, type TurnResult } from './dialog';
import { FORM_IDS } from './forms';
import { reply as makeReply, type Reply } from './replies';
import { SLOT_LABELS, SLOT_NAMES, slotValueText, type SlotName, type Slots } from './slots';
import {
  conversationStore,
  newConversation,
  newSessionId,
  type ConversationChange,
  type ConversationStore,
} from './store';

export const CONVERSATION_STATES = ['bot', 'pending', 'open', 'resolved'] as const;
export type ConversationStateId = (typeof CONVERSATION_STATES)[number];
export const STATE_LABELS: Record<ConversationStateId, string> = {
  bot: '小助手接待中',
  pending: '等待人工',
  open: '人工接待中',
  resolved: '已结束',
};
export const OUTCOMES = ['answered', 'callback-done', 'unreachable', 'referred', 'other'] as const;
export const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], string> = {
  answered: '问题已解答',
  'callback-done': '已回电解答',
  unreachable: '回电未接通',
  referred: '已转经办机构办理',
  other: '其他',
};

// ---- Views (the zod schemas document the answers in the OpenAPI document) ----

const citationView = z.object({
  doc: z.string().describe('文件编号'),
  clause: z.string().describe('条款编号'),
  name: z.string().describe('条款的中文名称，例如“温州市长护险实施方案（征求意见稿）第二部分第（五）项”'),
  url: z.string().describe('条款原文的接口地址'),
});
export const replyView = z.object({
  text: z.string().describe('回复的文字；金额按“1,116.00元”书写'),
  quickReplies: z.array(z.string()).describe('可点选的快捷回复'),
  citations: z.array(citationView).describe('回复依据的条款'),
});
const entityView = z.object({
  type: z.string().describe('实体类型，例如 region、grade、amountFen'),
  value: z.union([z.string(), z.number()]).describe('规则模块的编号；金额为整数分；日期为 YYYY-MM-DD'),
  text: z.string().describe('原文中的字词（身份证号、手机号已脱敏）'),
  start: z.number().int(),
  end: z.number().int(),
});
const handoffView = z.object({
  state: z.enum(CONVERSATION_STATES).describe('pending 等待人工；open 人工接待中'),
  kind: z.enum(['chat', 'callback']).describe('chat 在线转人工；callback 预约回电'),
  waitingSince: z.string().nullable().describe('开始等待的时间'),
  position: z.number().int().nullable().describe('在线等待时前面还有几位（含自己）'),
  assigneeName: z.string().nullable().describe('接待的客服'),
  callback: z
    .object({ phoneMasked: z.string(), window: z.string() })
    .nullable()
    .describe('预约的回电号码（脱敏）和时间'),
});
export const messageResponse = z.object({
  sessionId: z.string().describe('对话编号；下次发消息时带上'),
  intent: z.string().describe('识别出的意图'),
  score: z.number().describe('意图的置信度 0–1'),
  entities: z.array(entityView),
  reply: replyView,
  messageId: z.number().int().describe('这条回复的消息编号，用于读取之后的新消息'),
  handoff: handoffView.optional().describe('已转人工或预约回电时给出'),
});
const transcriptMessage = z.object({
  id: z.number().int(),
  from: z.enum(['user', 'bot', 'agent']).describe('user 用户；bot 小助手；agent 人工客服'),
  text: z.string().describe('消息文字（身份证号、手机号已脱敏）'),
  quickReplies: z.array(z.string()),
  citations: z.array(citationView),
  at: z.string(),
});
export const messagesView = z.object({
  sessionId: z.string(),
  state: z.enum(CONVERSATION_STATES),
  stateName: z.string(),
  handoff: handoffView.nullable(),
  messages: z.array(transcriptMessage),
});
const agentMessage = transcriptMessage.extend({
  intent: z.string().nullable().describe('小助手识别的意图（用户消息）'),
  score: z.number().nullable(),
  entities: z.array(entityView).nullable(),
  slots: z
    .array(
      z.object({ slot: z.string(), label: z.string(), value: z.union([z.string(), z.number()]), text: z.string() }),
    )
    .nullable()
    .describe('这条消息之后已知的情况'),
  authorName: z.string().nullable(),
});
const slotView = z.object({
  slot: z.string(),
  label: z.string().describe('中文名称'),
  value: z.union([z.string(), z.number()]),
  text: z.string().describe('给人看的值，例如“重度失能Ⅲ级”“3,500.00元”'),
});
const resultView = z.object({
  form: z.string(),
  title: z.string().describe('问题类别，例如“费用估算”'),
  input: z.unknown(),
  output: z.unknown().describe('规则模块的计算结果（金额单位：分）'),
  at: z.string(),
});
export const queueItemView = z.object({
  id: z.string(),
  state: z.enum(CONVERSATION_STATES),
  stateName: z.string(),
  kind: z.enum(['chat', 'callback']).nullable(),
  reason: z.string().nullable().describe('转人工的原因'),
  waitingSince: z.string().nullable(),
  waitingSeconds: z.number().int().nullable().describe('已等待的秒数'),
  assignee: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  callback: z.object({ phoneMasked: z.string(), window: z.string() }).nullable(),
  lastMessage: z.string().nullable(),
  slots: z.array(slotView),
  signedIn: z.boolean().describe('发起人是否已登录'),
});
export const conversationView = queueItemView.extend({
  callbackPhone: z.string().nullable().describe('完整的回电号码（坐席回电用）'),
  outcome: z.string().nullable(),
  outcomeName: z.string().nullable(),
  results: z.array(resultView).describe('小助手已算出的结果'),
  messages: z.array(agentMessage),
});
export const assistContext = z.strictObject({
  slots: z
    .partialRecord(z.enum(SLOT_NAMES), z.union([z.string().max(40), z.number()]))
    .optional()
    .describe('已知的情况（上一次辅助回答给出的 context.slots）'),
  form: z.enum(FORM_IDS).optional(),
  awaiting: z.enum(SLOT_NAMES).optional(),
});
export const assistView = z.object({
  intent: z.string(),
  score: z.number(),
  entities: z.array(entityView),
  reply: replyView,
  clauses: z
    .array(z.object({ doc: z.string(), clause: z.string(), name: z.string(), text: z.string() }))
    .describe('依据条款的原文，供坐席读给来电人'),
  context: assistContext.describe('下一次辅助提问时原样带上'),
});

type MessageResponse = z.output<typeof messageResponse>;

const READ_OUT_MAX = 600;
/** Printable words: a message of only emoji, symbols or spaces gets a kind reply, not a classification. */
const HAS_WORDS = /[\p{L}\p{N}]/u;

const json = <T>(s: string | null | undefined, fallback: T): T => {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

export interface BotDeps {
  prisma: Db;
  clock: Clock;
  classifier: () => Promise<Classifier>;
  applications: ApplicationService;
  providers: ProviderService;
}

export class BotService {
  private readonly store: ConversationStore;

  constructor(private readonly deps: BotDeps) {
    this.store = conversationStore(deps.prisma);
  }

  private get prisma() {
    return this.deps.prisma;
  }

  private now(): Date {
    return this.deps.clock();
  }

  private async classify(text: string) {
    let classifier: Classifier;
    try {
      classifier = await this.deps.classifier();
    } catch {
      throw new AppError(503, 'bot-unavailable', '小助手暂时不能回答，请稍后再试，或拨打当地医保服务电话。');
    }
    return classifier.classify(text);
  }

  /** The conversation a caller may continue: their own, or an anonymous one they hold the id of. */
  private async ownConversation(user: AuthUser | undefined, sessionId: string): Promise<BotConversation> {
    const conv = await this.store.find(sessionId);
    if (!conv || (conv.userId !== null && conv.userId !== user?.id)) {
      throw notFound('没有找到这段对话。请不带 sessionId 重新开始对话。');
    }
    return conv;
  }

  private env(user: AuthUser | undefined, assist = false): DialogEnv {
    const now = this.now();
    return {
      now,
      today: shanghaiDate(now),
      userPhone: user?.phone ?? null,
      assist,
      agentsAvailable: () => this.prisma.agentPresence.count({ where: { available: true } }),
      findProviders: (q) => this.deps.providers.briefs(q),
      myApplications: async () => {
        if (!user) return null;
        const apps = await this.deps.applications.list(user, {});
        return apps.map((a) => ({
          personName: a.person.name,
          stateName: a.stateName,
          updatedAt: shanghaiDate(new Date(a.updatedAt)),
          benefitStartMonth: a.benefitStartMonth,
          objectionDeadline: a.objectionDeadline,
        }));
      },
    };
  }

  private async handoffOf(conv: BotConversation): Promise<z.output<typeof handoffView> | null> {
    if (conv.state !== 'pending' && conv.state !== 'open') return null;
    const kind = conv.handoffKind === 'callback' ? 'callback' : 'chat';
    const position =
      conv.state === 'pending' && kind === 'chat' && conv.waitingSince
        ? await this.prisma.botConversation.count({
            where: { state: 'pending', handoffKind: 'chat', waitingSince: { lte: conv.waitingSince } },
          })
        : null;
    const assignee = conv.assigneeId
      ? await this.prisma.user.findUnique({ where: { id: conv.assigneeId }, select: { name: true } })
      : null;
    return {
      state: conv.state,
      kind,
      waitingSince: conv.waitingSince?.toISOString() ?? null,
      position,
      assigneeName: assignee?.name ?? null,
      callback:
        conv.callbackPhone && conv.callbackWindow
          ? { phoneMasked: maskPhone(conv.callbackPhone), window: conv.callbackWindow }
          : null,
    };
  }

  /** POST /bot/messages: one message of the user, the bot's reply (or a note while a person answers). */
  async message(user: AuthUser | undefined, input: { sessionId?: string; text: string }): Promise<MessageResponse> {
    const now = this.now();
    // A new conversation is stored with its first turn, in the same transaction.
    const isNew = !input.sessionId;
    const conv = input.sessionId
      ? await this.ownConversation(user, input.sessionId)
      : newConversation(newSessionId(now), user?.id ?? null, now);
    const text = input.text.trim();
    const state: ConversationState = {
      slots: json<Slots>(conv.slots, {}),
      dialog: json<DialogState>(conv.dialog, {}),
      unhelpful: conv.unhelpful,
    };

    let intent = 'None';
    let score = 0;
    let entities: Entity[] = [];
    let result: TurnResult;
    const waitingForPerson = conv.state === 'open' || (conv.state === 'pending' && conv.handoffKind === 'chat');
    if (waitingForPerson) {
      result = {
        reply: makeReply(
          conv.state === 'open'
            ? '您的消息已转给客服，请稍候回复。'
            : '正在为您转接人工客服，请稍候。客服接入后会在这里回复您。',
        ),
        helped: true,
      };
    } else if (!HAS_WORDS.test(text)) {
      result = {
        reply: makeReply('我只看得懂文字哦。您可以直接打字问我，比如“温州居家护理一个月能报多少”。', [
          '能不能享受待遇',
          '估算每月费用',
          '转人工',
        ]),
        helped: true,
      };
    } else {
      // The bot reads the masked text (an id number is never taken for an amount or a date); only the
      // callback step sees the phone number typed for it.
      const masked = maskPersonalData(text);
      const c = await this.classify(masked);
      intent = c.intent;
      score = c.score;
      entities = extractEntities(masked, { today: shanghaiDate(now) });
      result = await respond(state, { text: masked, raw: text, classification: c, entities }, this.env(user));
    }

    const data: ConversationChange = {
      slots: JSON.stringify(state.slots),
      dialog: JSON.stringify(state.dialog),
      unhelpful: waitingForPerson ? conv.unhelpful : result.helped ? 0 : state.unhelpful + 1,
    };
    // A signed-in user continuing an anonymous conversation makes it theirs.
    if (user && conv.userId === null) data.userId = user.id;
    if (conv.state === 'resolved') Object.assign(data, { state: 'bot', assigneeId: null, waitingSince: null });
    if (result.result) {
      const results = json<Record<string, unknown>>(conv.results, {});
      results[result.result.form] = result.result;
      data.results = JSON.stringify(results);
    }
    if (result.handoff) {
      Object.assign(data, {
        state: 'pending',
        handoffKind: 'chat',
        handoffReason: result.handoff.reason === 'asked' ? '用户要求转人工' : '连续两次没有答上来',
        waitingSince: now,
        unhelpful: 0,
      });
    }
    if (result.callback) {
      Object.assign(data, {
        state: 'pending',
        handoffKind: 'callback',
        handoffReason: conv.handoffReason ?? '预约回电',
        waitingSince: now,
        callbackPhone: result.callback.phone,
        callbackWindow: result.callback.window,
        unhelpful: 0,
      });
    }
    const maskedEntities = entities.map((e) => ({ ...e, text: maskPersonalData(e.text) }));
    const { conv: saved, messageIds } = await this.store.saveTurn(conv, isNew, data, [
      {
        sender: 'user',
        authorId: user?.id ?? null,
        text: maskPersonalData(text),
        intent,
        score,
        entities: JSON.stringify(maskedEntities),
        slots: JSON.stringify(state.slots),
        createdAt: now,
      },
      {
        sender: 'bot',
        text: maskPersonalData(result.reply.text),
        quickReplies: JSON.stringify(result.reply.quickReplies),
        citations: JSON.stringify(result.reply.citations),
        createdAt: now,
      },
    ]);
    const handoff = await this.handoffOf(saved);
    return {
      sessionId: conv.id,
      intent,
      score,
      entities: maskedEntities,
      reply: result.reply,
      messageId: messageIds[1],
      ...(handoff ? { handoff } : {}),
    };
  }

  private messageView(m: BotMessage) {
    return {
      id: m.id,
      from: m.sender as 'user' | 'bot' | 'agent',
      text: m.text,
      quickReplies: json<string[]>(m.quickReplies, []),
      citations: json<z.output<typeof citationView>[]>(m.citations, []),
      at: m.createdAt.toISOString(),
    };
  }

  /** GET …/messages?after=: what was said after a message id (the agent's replies reach the user here). */
  async messagesSince(user: AuthUser | undefined, sessionId: string, after: number) {
    const conv =
      user?.role === 'agent'
        ? await this.prisma.botConversation.findUnique({ where: { id: sessionId } })
        : await this.ownConversation(user, sessionId);
    if (!conv) throw notFound('没有找到这段对话。');
    const messages = await this.prisma.botMessage.findMany({
      where: { conversationId: sessionId, id: { gt: after } },
      orderBy: { id: 'asc' },
      take: 200,
    });
    return {
      sessionId,
      state: conv.state as ConversationStateId,
      stateName: STATE_LABELS[conv.state as ConversationStateId],
      handoff: await this.handoffOf(conv),
      messages: messages.map((m) => this.messageView(m)),
    };
  }

  // ---- Agents ----

  async presence(user: AuthUser) {
    const p = await this.prisma.agentPresence.findUnique({ where: { userId: user.id } });
    return { available: p?.available ?? false, since: p?.updatedAt.toISOString() ?? null };
  }

  async setPresence(user: AuthUser, available: boolean) {
    const now = this.now();
    const p = await this.prisma.agentPresence.upsert({
      where: { userId: user.id },
      create: { userId: user.id, available, updatedAt: now },
      update: { available, updatedAt: now },
    });
    return { available: p.available, since: p.updatedAt.toISOString() };
  }

  private slotsView(slots: Slots, at: Date) {
    const month = shanghaiDate(at).slice(0, 7);
    return (Object.entries(slots) as [SlotName, string | number][])
      .filter(([k]) => (SLOT_NAMES as readonly string[]).includes(k))
      .map(([slot, value]) => ({
        slot,
        label: SLOT_LABELS[slot],
        value,
        text: slotValueText(slot, value, slots, month),
      }));
  }

  private async queueItem(conv: BotConversation, names: Map<string, string | null>) {
    const now = this.now();
    const last = await this.prisma.botMessage.findFirst({
      where: { conversationId: conv.id, sender: 'user' },
      orderBy: { id: 'desc' },
    });
    return {
      id: conv.id,
      state: conv.state as ConversationStateId,
      stateName: STATE_LABELS[conv.state as ConversationStateId],
      kind: (conv.handoffKind as 'chat' | 'callback' | null) ?? null,
      reason: conv.handoffReason,
      waitingSince: conv.waitingSince?.toISOString() ?? null,
      waitingSeconds: conv.waitingSince
        ? Math.max(0, Math.floor((now.getTime() - conv.waitingSince.getTime()) / 1000))
        : null,
      assignee: conv.assigneeId ? { id: conv.assigneeId, name: names.get(conv.assigneeId) ?? null } : null,
      callback:
        conv.callbackPhone && conv.callbackWindow
          ? { phoneMasked: maskPhone(conv.callbackPhone), window: conv.callbackWindow }
          : null,
      lastMessage: last?.text ?? null,
      slots: this.slotsView(json<Slots>(conv.slots, {}), now),
      signedIn: conv.userId !== null,
    };
  }

  private async names(ids: (string | null)[]) {
    const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
    const users = await this.prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
    return new Map(users.map((u) => [u.id, u.name]));
  }

  /** The queue: waiting hand-offs and callbacks, oldest first, then those being answered. */
  async queue(state?: ConversationStateId) {
    const rows = await this.prisma.botConversation.findMany({
      where: state ? { state } : { state: { in: ['pending', 'open'] } },
      orderBy: [{ waitingSince: 'asc' }, { updatedAt: 'desc' }],
      take: 200,
    });
    const names = await this.names(rows.map((r) => r.assigneeId));
    const items = [];
    for (const r of rows) items.push(await this.queueItem(r, names));
    return items;
  }

  async conversation(id: string) {
    const conv = await this.prisma.botConversation.findUnique({ where: { id } });
    if (!conv) throw notFound('没有找到这段对话。');
    const messages = await this.prisma.botMessage.findMany({ where: { conversationId: id }, orderBy: { id: 'asc' } });
    const names = await this.names([
      conv.assigneeId,
      ...messages.map((m) => (m.sender === 'agent' ? m.authorId : null)),
    ]);
    const results = Object.values(json<Record<string, z.output<typeof resultView>>>(conv.results, {}));
    return {
      ...(await this.queueItem(conv, names)),
      callbackPhone: conv.callbackPhone,
      outcome: conv.outcome,
      outcomeName: conv.outcome ? (OUTCOME_LABELS[conv.outcome as (typeof OUTCOMES)[number]] ?? null) : null,
      results,
      messages: messages.map((m) => ({
        ...this.messageView(m),
        intent: m.intent,
        score: m.score,
        entities: m.sender === 'user' ? json<z.output<typeof entityView>[]>(m.entities, []) : null,
        slots: m.slots ? this.slotsView(json<Slots>(m.slots, {}), m.createdAt) : null,
        authorName: m.sender === 'agent' && m.authorId ? (names.get(m.authorId) ?? null) : null,
      })),
    };
  }

  private async say(conversationId: string, sender: 'bot' | 'agent', text: string, authorId: string | null) {
    await this.prisma.botMessage.create({
      data: { conversationId, sender, authorId, text: maskPersonalData(text), createdAt: this.now() },
    });
  }

  /** Takes a waiting conversation (pending → open); one taken by another agent is theirs. */
  async take(user: AuthUser, id: string) {
    const conv = await this.prisma.botConversation.findUnique({ where: { id } });
    if (!conv) throw notFound('没有找到这段对话。');
    if (conv.state === 'open' && conv.assigneeId === user.id) return this.conversation(id);
    if (conv.state !== 'pending') {
      throw conflict(
        'not-waiting',
        conv.state === 'open' ? '这段对话已经由其他客服接待。' : '这段对话没有在等待人工。',
      );
    }
    const taken = await this.prisma.botConversation.updateMany({
      where: { id, state: 'pending' },
      data: { state: 'open', assigneeId: user.id },
    });
    if (taken.count === 0) throw conflict('not-waiting', '这段对话刚刚被其他客服接待了。');
    if (conv.handoffKind !== 'callback') {
      await this.say(
        id,
        'agent',
        `您好，我是客服${user.name ?? ''}，已经看过您和小助手的对话，马上为您解答。`,
        user.id,
      );
    }
    return this.conversation(id);
  }

  private async held(user: AuthUser, id: string) {
    const conv = await this.prisma.botConversation.findUnique({ where: { id } });
    if (!conv) throw notFound('没有找到这段对话。');
    if (conv.state !== 'open' || conv.assigneeId !== user.id) {
      throw conflict('not-assigned', '请先接手这段对话，再回复或处理。');
    }
    return conv;
  }

  async agentReply(user: AuthUser, id: string, text: string) {
    await this.held(user, id);
    await this.say(id, 'agent', text, user.id);
    await this.prisma.botConversation.update({ where: { id }, data: { unhelpful: 0 } });
    return this.conversation(id);
  }

  /** Hands the conversation back to the bot (open → bot); the user is told. */
  async release(user: AuthUser, id: string) {
    await this.held(user, id);
    await this.prisma.botConversation.update({
      where: { id },
      data: { state: 'bot', assigneeId: null, waitingSince: null, handoffKind: null, dialog: '{}' },
    });
    await this.say(id, 'bot', '客服已把对话交回小助手。还有问题可以继续问我，需要时也可以再转人工。', null);
    return this.conversation(id);
  }

  async close(user: AuthUser, id: string, outcome: (typeof OUTCOMES)[number], note?: string) {
    const conv = await this.prisma.botConversation.findUnique({ where: { id } });
    if (!conv) throw notFound('没有找到这段对话。');
    if (conv.state === 'resolved' || conv.state === 'bot') throw conflict('not-waiting', '这段对话没有在人工处理中。');
    if (conv.state === 'open' && conv.assigneeId !== user.id)
      throw conflict('not-assigned', '这段对话由其他客服接待。');
    await this.prisma.botConversation.update({
      where: { id },
      data: {
        state: 'resolved',
        outcome,
        outcomeNote: note ? maskPersonalData(note) : null,
        resolvedAt: this.now(),
        assigneeId: conv.assigneeId ?? user.id,
        dialog: '{}',
      },
    });
    await this.say(id, 'bot', '本次人工服务已结束，感谢您的耐心。还有问题可以继续问我。', null);
    return this.conversation(id);
  }

  /** Agent-assist: the bot's answer to a caller's question, with the clauses' words to read out. Not stored. */
  async assist(text: string, context: z.output<typeof assistContext> = {}) {
    const state: ConversationState = {
      slots: { ...(context.slots ?? {}) },
      dialog: { form: context.form, awaiting: context.awaiting },
      unhelpful: 0,
    };
    let intent = 'None';
    let score = 0;
    let entities: Entity[] = [];
    let out: Reply;
    if (!HAS_WORDS.test(text)) {
      out = makeReply('请输入来电人的问题（文字）。');
    } else {
      const masked = maskPersonalData(text);
      const c = await this.classify(masked);
      intent = c.intent;
      score = c.score;
      entities = extractEntities(masked, { today: shanghaiDate(this.now()) });
      out = (await respond(state, { text: masked, raw: text, classification: c, entities }, this.env(undefined, true)))
        .reply;
    }
    return {
      intent,
      score,
      entities: entities.map((e) => ({ ...e, text: maskPersonalData(e.text) })),
      reply: out,
      clauses: out.citations.map((c) => {
        const words = getClause(c.doc as DocId, c.clause)?.text ?? '';
        return {
          doc: c.doc,
          clause: c.clause,
          name: c.name,
          text: words.length > READ_OUT_MAX ? `${words.slice(0, READ_OUT_MAX)}…` : words,
        };
      }),
      context: {
        slots: state.slots,
        ...(state.dialog.form ? { form: state.dialog.form } : {}),
        ...(state.dialog.awaiting ? { awaiting: state.dialog.awaiting } : {}),
      },
    };
  }
}
