import type { ApplicationEvent, Named } from '../api';
import { chineseDate, dateTimeText, monthText } from '../format';
import { ROLE_NAMES } from '../labels';

/** The facts a move recorded besides its reason, in words. */
function dataLines(data: Record<string, unknown> | null, grades: Named[]): string[] {
  if (!data) return [];
  const lines: string[] = [];
  if (typeof data.scheduledFor === 'string') lines.push(`上门评估日期：${chineseDate(data.scheduledFor)}`);
  if (typeof data.grade === 'string') {
    lines.push(`失能等级：${grades.find((g) => g.id === data.grade)?.name ?? data.grade}`);
  }
  if (typeof data.publicityEndsOn === 'string') lines.push(`公示期至：${chineseDate(data.publicityEndsOn)}（含当天）`);
  if (data.withoutMaterials === true) lines.push('受理时没有上传材料');
  if (typeof data.gradeProblem === 'string') lines.push(`等级提示：${data.gradeProblem}`);
  if (typeof data.objectionDeadline === 'string') lines.push(`复评申请截止：${chineseDate(data.objectionDeadline)}`);
  if (typeof data.benefitStartMonth === 'string') lines.push(`待遇开始月份：${monthText(data.benefitStartMonth)}`);
  return lines;
}

export interface Actor {
  name: string;
  note?: string;
}

export function History({
  events,
  grades,
  actorOf,
}: {
  events: ApplicationEvent[];
  grades: Named[];
  actorOf: (e: ApplicationEvent) => Actor;
}) {
  if (!events.length) return <p className="muted">还没有办理记录。</p>;
  return (
    <ol className="history" aria-label="办理记录，最早的在前">
      {events.map((e) => {
        const actor = actorOf(e);
        const lines = dataLines(e.data, grades);
        return (
          <li key={e.id} className="history-row" data-move={e.move}>
            <p className="history-head">
              <strong>{e.moveLabel}</strong>
              <time dateTime={e.at}>{dateTimeText(e.at)}</time>
            </p>
            <p className="history-states">
              {e.fromName} → {e.toName}
            </p>
            <p>
              办理人：{actor.name}
              {actor.note ? `（${actor.note}）` : ''}
            </p>
            {e.reason && <p>原因：{e.reason}</p>}
            {lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </li>
        );
      })}
    </ol>
  );
}

export function roleName(role: string): string {
  return ROLE_NAMES[role] ?? role;
}
