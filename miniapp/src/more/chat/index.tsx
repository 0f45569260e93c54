import { Textarea, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Cite } from '../../components/Cite';
import { Page } from '../../components/Page';
import { Failure } from '../../components/States';
import { ApiError, get, post } from '../../lib/api';

interface Message {
  id: number;
  from: 'user' | 'bot' | 'agent';
  text: string;
  quickReplies: string[];
  citations: { doc: string; clause: string; name: string }[];
}
interface Handoff {
  state: string;
  kind: 'chat' | 'callback';
  position: number | null;
  assigneeName: string | null;
  callback: { phoneMasked: string; window: string } | null;
}
interface Transcript {
  sessionId: string;
  state: string;
  handoff: Handoff | null;
  messages: Message[];
}

// The conversation is kept on the phone, so that reopening the chat continues it.
const KEY = 'changhu.chat';
const POLL_MS = 3000;
const STARTERS = ['能不能享受待遇', '估算每月费用', '怎么申请评估', '转人工'];

const storedId = (): string | null => {
  try {
    return (Taro.getStorageSync(KEY) as string) || null;
  } catch {
    return null;
  }
};
const storeId = (id: string | null) => {
  try {
    if (id) Taro.setStorageSync(KEY, id);
    else Taro.removeStorageSync(KEY);
  } catch {
    // Storage blocked: the conversation lasts while the page is open.
  }
};

function status(h: Handoff | null, state: string): string | null {
  if (!h || state === 'resolved' || state === 'bot') return null;
  if (h.kind === 'callback' && h.callback) return `已登记回电：客服会在${h.callback.window}打${h.callback.phoneMasked}`;
  if (h.state === 'open') return `人工客服${h.assigneeName ? ` ${h.assigneeName} ` : ''}正在为您服务`;
  return h.position ? `正在为您转接人工客服，前面还有${h.position}位（含您）` : '正在为您转接人工客服，请稍候';
}

/** Ask: the assistant's answers with their clauses and quick replies, the hand-off, the agent's replies. */
export default function Chat() {
  const [sessionId, setSessionId] = useState<string | null>(storedId);
  const [messages, setMessages] = useState<Message[]>([]);
  const [handoff, setHandoff] = useState<{ h: Handoff | null; state: string }>({ h: null, state: 'bot' });
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const last = useRef(0);
  const visible = useRef(true);

  const merge = useCallback((t: Transcript) => {
    setHandoff({ h: t.handoff, state: t.state });
    if (!t.messages.length) return;
    last.current = Math.max(last.current, ...t.messages.map((m) => m.id));
    setMessages((old) => {
      const seen = new Set(old.map((m) => m.id));
      return [...old, ...t.messages.filter((m) => !seen.has(m.id))].sort((a, b) => a.id - b.id);
    });
  }, []);

  const fetchSince = useCallback(
    async (id: string) => {
      try {
        merge(await get<Transcript>(`/bot/conversations/${encodeURIComponent(id)}/messages`, { after: last.current }));
      } catch (err) {
        // Not (or no longer) this phone's conversation, e.g. after signing out: start afresh.
        if (err instanceof ApiError && err.problem === 'input') {
          storeId(null);
          setSessionId(null);
          setMessages([]);
          last.current = 0;
        }
      }
    },
    [merge],
  );

  useEffect(() => {
    if (sessionId) void fetchSince(sessionId);
  }, []);
  useDidShow(() => {
    visible.current = true;
  });
  useDidHide(() => {
    visible.current = false;
  });

  // New messages (an agent's replies) arrive by polling while a person is waiting for or talking to an agent.
  const live = handoff.state === 'pending' || handoff.state === 'open';
  useEffect(() => {
    if (!sessionId || !live) return;
    const t = setInterval(() => {
      if (visible.current) void fetchSince(sessionId);
    }, POLL_MS);
    return () => clearInterval(t);
  }, [sessionId, live, fetchSince]);

  const send = async (words: string) => {
    const said = words.trim();
    if (!said || sending) return;
    setSending(true);
    setError(undefined);
    try {
      const r = await post<{ sessionId: string }>('/bot/messages', { ...(sessionId ? { sessionId } : {}), text: said });
      if (r.sessionId !== sessionId) {
        storeId(r.sessionId);
        setSessionId(r.sessionId);
      }
      if (words === text) setText('');
      await fetchSince(r.sessionId);
    } catch (err) {
      // What was typed stays in the box.
      setError(err instanceof ApiError ? err : new ApiError('server', '没能发出去，请再试一次。'));
    } finally {
      setSending(false);
    }
  };

  const restart = () => {
    storeId(null);
    setSessionId(null);
    setMessages([]);
    setHandoff({ h: null, state: 'bot' });
    last.current = 0;
  };

  const lastBot = [...messages].reverse().find((m) => m.from !== 'user');
  const quick = lastBot?.from === 'bot' ? lastBot.quickReplies : messages.length ? [] : STARTERS;
  const line = status(handoff.h, handoff.state);

  return (
    <Page title="在线问答">
      {!messages.length && (
        <View className="card">
          <View className="card-title" {...heading(2)}>
            您好，我是长护险小助手
          </View>
          <View>可以问我老人能不能享受待遇、每月大概花多少钱、怎么申请评估。需要时可以转人工客服。</View>
          <View className="muted">也可以拨打医保服务热线 12393。请不要在这里发身份证号。</View>
        </View>
      )}
      <View className="chat-log" {...attrs({ role: 'log', 'aria-live': 'polite', 'aria-label': '对话记录' })}>
        {messages.map((m) => (
          <View key={m.id} className={`card msg msg-${m.from}`}>
            <View className="strong">{m.from === 'user' ? '我' : m.from === 'agent' ? '人工客服' : '小助手'}</View>
            <View className="msg-text">{m.text}</View>
            {m.citations.map((c) => (
              <Cite key={`${c.doc}-${c.clause}`} cite={c} />
            ))}
          </View>
        ))}
      </View>
      {line && (
        <View className="card handoff-line strong" {...attrs({ role: 'status' })}>
          {line}
        </View>
      )}
      {quick.length > 0 && (
        <View className="quick" {...attrs({ role: 'group', 'aria-label': '可以点选的回答' })}>
          {quick.map((q) => (
            <Btn key={q} kind="choice" onClick={() => void send(q)} disabled={sending}>
              {q}
            </Btn>
          ))}
        </View>
      )}
      <View className="field">
        <View className="field-label" id="chat-text-label">
          想问什么，写在这里
        </View>
        <Textarea
          className="textarea"
          value={text}
          maxlength={500}
          placeholder="例如：温州重度失能居家护理每月能报多少"
          onInput={(e) => setText(e.detail.value)}
          {...attrs({ 'aria-labelledby': 'chat-text-label', name: 'chat-text' })}
        />
      </View>
      {error && <Failure error={error} />}
      <Btn kind="primary" onClick={() => void send(text)} disabled={sending || !text.trim()}>
        {sending ? '正在发送……' : '发送'}
      </Btn>
      {messages.length > 0 && (
        <Btn kind="plain" onClick={restart}>
          重新开始一段对话
        </Btn>
      )}
    </Page>
  );
}
