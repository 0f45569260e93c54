import { Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ApiError, post } from '../lib/api';
import { attrs, heading } from './a11y';
import { Btn } from './Btn';
import { Failure } from './States';

interface Props {
  topic: 'eligibility' | 'comparison' | 'quick-screen' | 'self-check' | 'clause' | 'other';
  /** The page with its inputs, so that an officer can reopen the same answer. */
  page: string;
  region?: string;
  inputs: unknown;
  answer: unknown;
}

/** "这个结果好像不对": the person's words with the inputs and the answer, for an officer to check. */
export function WrongAnswer({ topic, page, region, inputs, answer }: Props) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState<ApiError>();
  if (done)
    return (
      <View className="card wrong no-print" {...attrs({ role: 'status' })}>
        ✓ {done}
      </View>
    );
  if (!open)
    return (
      <View className="no-print">
        <Btn kind="plain" onClick={() => setOpen(true)}>
          这个结果好像不对？告诉我们
        </Btn>
      </View>
    );
  const send = async () => {
    setSending(true);
    setError(undefined);
    try {
      const r = await post<{ message: string }>('/feedback', { topic, page, region, inputs, answer, message: text });
      setDone(r.message);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('server', '没能提交，请再试一次。'));
    } finally {
      setSending(false);
    }
  };
  return (
    <View className="card wrong no-print">
      <View className="card-title" {...heading(2)}>
        哪里不对？
      </View>
      <View className="muted">
        我们会连同您这次填写的内容和看到的结果一起交给工作人员核对。请不要写身份证号和手机号。
      </View>
      <Textarea
        className="textarea"
        value={text}
        maxlength={500}
        placeholder="例如：我们那里的报销比例好像不是这个"
        onInput={(e) => setText(e.detail.value)}
        {...attrs({ 'aria-label': '哪里不对' })}
      />
      {error && <Failure error={error} />}
      <Btn kind="primary" onClick={() => void send()} disabled={sending}>
        {sending ? '正在提交……' : '提交'}
      </Btn>
      <Btn kind="plain" onClick={() => setOpen(false)}>
        算了
      </Btn>
    </View>
  );
}
