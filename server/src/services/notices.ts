// Inbox notices about a benefit and its monthly settlements, shaped as WeChat subscription messages like the
// application-status message (services/inbox.ts): `thing` values at most 20 characters, `phrase` at most 5,
// `time` as 'YYYY年MM月DD日 HH:mm'. They go to the person's inbox, which every consented proxy reads.
//
// Benefit template (`benefitTemplateId`): thing1 待遇事项, phrase2 状态, time3 时间, thing4 备注.
// Settlement template (`settlementTemplateId`): thing1 结算事项, thing2 基金支付, thing3 个人负担,
// phrase4 状态, time5 时间; amounts are the rules module's yuanText ('1,589.34元').
import { chineseDate, chineseMonth, yuanText } from '@changhu/rules';
import type { Config } from '../config';
import { wechatTime } from '../lib/time';
import { nameThing, phrase, thing, type SubscriptionMessage } from './inbox';

export type NoticeTemplates = Pick<Config, 'benefitTemplateId' | 'settlementTemplateId'>;

/** 'YYYY-MM-DD' → 'M月D日', for remarks that must fit in 20 characters. */
export function shortDate(date: string): string {
  return chineseDate(date).replace(/^\d+年/, '');
}

export function benefitNotice(
  templates: NoticeTemplates,
  b: { id: string; person: { name: string } },
  status: string,
  remark: string,
  at: Date,
): SubscriptionMessage {
  return {
    templateId: templates.benefitTemplateId,
    page: `pages/benefit/detail/index?id=${b.id}`,
    data: {
      thing1: { value: nameThing(b.person.name, '的长护险待遇') },
      phrase2: { value: phrase(status) },
      time3: { value: wechatTime(at) },
      thing4: { value: thing(remark) },
    },
  };
}

/** The fund's and the family's share as the family reads them; "约" where the rules give only an indication. */
function shares(s: {
  monthlyBillFen: number;
  fundPaysFen: number | null;
  personPaysFen: number | null;
  indicativeFundPaysFen: number | null;
}): [string, string] {
  if (s.fundPaysFen !== null && s.personPaysFen !== null) {
    return [`基金支付${yuanText(s.fundPaysFen)}`, `个人负担${yuanText(s.personPaysFen)}`];
  }
  if (s.indicativeFundPaysFen !== null) {
    return [
      `基金支付约${yuanText(s.indicativeFundPaysFen)}`,
      `个人负担约${yuanText(s.monthlyBillFen - s.indicativeFundPaysFen)}`,
    ];
  }
  return ['基金支付以当地核定为准', '个人负担以当地核定为准'];
}

export function settlementNotice(
  templates: NoticeTemplates,
  s: {
    id: string;
    month: string;
    monthlyBillFen: number;
    fundPaysFen: number | null;
    personPaysFen: number | null;
    indicativeFundPaysFen: number | null;
  },
  personName: string,
  corrected: boolean,
  at: Date,
): SubscriptionMessage {
  const [fund, own] = shares(s);
  return {
    templateId: templates.settlementTemplateId,
    page: `pages/settlement/detail/index?id=${s.id}`,
    data: {
      thing1: { value: nameThing(personName, `${chineseMonth(s.month)}护理费`) },
      thing2: { value: thing(fund) },
      thing3: { value: thing(own) },
      phrase4: { value: phrase(corrected ? '已更正' : '已结算') },
      time5: { value: wechatTime(at) },
    },
  };
}
