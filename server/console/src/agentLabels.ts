// Console words for the chatbot's hand-offs. OUTCOMES mirrors the server's table (server/src/bot/service.ts);
// server/test/bot.test.ts checks that they agree.
export const OUTCOMES: { id: string; label: string }[] = [
  { id: 'answered', label: '问题已解答' },
  { id: 'callback-done', label: '已回电解答' },
  { id: 'unreachable', label: '回电未接通' },
  { id: 'referred', label: '已转经办机构办理' },
  { id: 'other', label: '其他' },
];

export const INTENT_NAMES: Record<string, string> = {
  greeting: '问候',
  thanks: '致谢',
  'eligibility.ask': '能否享受',
  'assessment.apply': '申请评估',
  'assessment.standard': '评估标准',
  'assessment.objection': '复评与异议',
  'cost.estimate': '费用估算',
  'caremode.explain': '护理方式',
  'benefit.start': '待遇开始时间',
  'application.status': '申请进度',
  'provider.find': '找机构',
  'contribution.amount': '缴费标准',
  'benefit.suspend': '待遇暂停',
  'agent.handoff': '转人工',
  None: '无法识别',
};

/** "已等 3 分钟" from seconds. */
export function waitedText(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return `已等 ${seconds} 秒`;
  if (seconds < 3600) return `已等 ${Math.floor(seconds / 60)} 分钟`;
  return `已等 ${Math.floor(seconds / 3600)} 小时 ${Math.floor((seconds % 3600) / 60)} 分钟`;
}
