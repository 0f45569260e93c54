// Each month's bill: what the fund pays and what the family pays (the server's fen, shown in yuan), the days
// covered, the notes and clauses of the split, and a correction with its reason and what it was before.
import { View } from '@tarojs/components';
import { heading } from '../../components/a11y';
import { Cite } from '../../components/Cite';
import { Page } from '../../components/Page';
import { Empty, Failure, Loading } from '../../components/States';
import { get } from '../../lib/api';
import { yuan } from '../../lib/money';
import { useParams } from '../../lib/nav';
import { useApi } from '../../lib/useApi';
import { benefitPage, dayOf, monthText, SignedIn, type Revision, type Settlement } from '../shared';

export default function Bills() {
  const { id = '' } = useParams();
  return (
    <Page title="每月账单">
      <SignedIn here={benefitPage('bill', id)}>
        <BillList id={id} />
      </SignedIn>
    </Page>
  );
}

function BillList({ id }: { id: string }) {
  const bills = useApi(async () => {
    const list = await get<Settlement[]>(`/benefits/${encodeURIComponent(id)}/settlements`);
    // A corrected month says why and what it was before.
    const details = await Promise.all(
      list
        .filter((s) => s.corrected)
        .map((s) => get<{ id: string; revisions: Revision[] }>(`/settlements/${encodeURIComponent(s.id)}`)),
    );
    const revisions = Object.fromEntries(details.map((d) => [d.id, d.revisions]));
    return { list: [...list].reverse(), revisions };
  }, [id]);
  if (bills.loading && !bills.data) return <Loading what="正在读取账单" />;
  if (bills.error) return <Failure error={bills.error} retry={bills.reload} />;
  if (!bills.data?.list.length) {
    return <Empty>还没有结算过的月份。每个月结束后，护理机构提交账单，经办机构结算后这里就会显示。</Empty>;
  }
  return (
    <>
      <View className="lead">最近的月份在最上面。金额单位：元。</View>
      {bills.data.list.map((s) => (
        <Bill key={s.id} s={s} revisions={bills.data!.revisions[s.id] ?? []} />
      ))}
    </>
  );
}

/** The fund's and the family's share; an indication says 约, a share set locally says who decides. */
function shares(s: Settlement): { fund: string; own: string } {
  if (s.fundPaysFen !== null && s.personPaysFen !== null)
    return { fund: yuan(s.fundPaysFen), own: yuan(s.personPaysFen) };
  if (s.indicativeFundPaysFen !== null) {
    return {
      fund: `约 ${yuan(s.indicativeFundPaysFen)}`,
      own: `约 ${yuan(s.monthlyBillFen - s.indicativeFundPaysFen)}`,
    };
  }
  return { fund: '以当地核定为准', own: '以当地核定为准' };
}

function Bill({ s, revisions }: { s: Settlement; revisions: Revision[] }) {
  const { fund, own } = shares(s);
  const rows: [string, string, string][] = [
    ['fund', '基金支付', fund],
    ['own', '自己负担', own],
    ['bill', '当月账单', yuan(s.monthlyBillFen)],
    ['days', '享受待遇', `${s.daysCovered}天（当月共${s.daysInMonth}天）`],
    ...(s.monthlyCapFen !== null ? ([['cap', '每月限额', yuan(s.monthlyCapFen)]] as [string, string, string][]) : []),
    ['mode', '护理方式', `${s.careModeName}，${s.providerName}`],
  ];
  return (
    <View className="card settlement" data-month={s.month}>
      <View className="card-title" {...heading(2)}>
        {monthText(s.month)}
        {s.corrected ? '（已更正）' : ''}
      </View>
      {rows.map(([field, k, v]) => (
        <View className="row" key={field}>
          <View className="row-key">{k}</View>
          <View className={`row-value ${field === 'fund' || field === 'own' ? 'strong' : ''}`} data-field={field}>
            {v}
          </View>
        </View>
      ))}
      {s.notes.map((n) => (
        <View className="note" key={n.code}>
          · {n.text}
        </View>
      ))}
      {revisions.map((r) => (
        <View className="note" key={r.id} data-field="correction">
          {dayOf(r.at)}更正：{r.reason}。更正前账单 {yuan(r.previous.monthlyBillFen)}
          {r.previous.fundPaysFen !== null ? `，基金支付 ${yuan(r.previous.fundPaysFen)}` : ''}
          {r.previous.personPaysFen !== null ? `，自己负担 ${yuan(r.previous.personPaysFen)}` : ''}。
        </View>
      ))}
      {s.citations.slice(0, 3).map((c) => (
        <Cite key={`${c.doc}-${c.clause}`} cite={c} />
      ))}
    </View>
  );
}
