// One document: its status and its clauses; each opens the clause's own words.
import { View } from '@tarojs/components';
import { heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Empty, Failure, Loading } from '../../components/States';
import { get } from '../../lib/api';
import { docName, STATUS_WORDS } from '../../lib/docs';
import { go, useParams } from '../../lib/nav';
import type { ClauseEntry, DocumentView } from '../../lib/types';
import { useApi } from '../../lib/useApi';

export default function Document() {
  const { doc = '' } = useParams();
  const d = useApi(
    () => get<DocumentView & { clauses: ClauseEntry[] }>(`/documents/${encodeURIComponent(doc)}`),
    [doc],
  );
  const clauses = d.data?.clauses.filter((c) => c.title) ?? [];
  return (
    <Page title={d.data ? docName(d.data) : '政策文件'}>
      {d.loading && <Loading />}
      {d.error && <Failure error={d.error} retry={d.reload} />}
      {d.data && (
        <>
          <View className="card">
            <View className={`status status-${d.data.status}`}>
              状态：{STATUS_WORDS[d.data.status]}
              {d.data.draft && d.data.status !== 'draft' ? '，征求意见稿' : ''}
            </View>
            <View>{d.data.title}</View>
            <View className="muted">发文：{d.data.issuer}</View>
          </View>
          <View className="section-title" {...heading(2)}>
            条款
          </View>
          {clauses.length === 0 && <Empty>这份文件没有分条款。</Empty>}
          {clauses.map((c) => (
            <Btn
              key={c.id}
              kind="choice"
              className={c.parent ? 'sub' : ''}
              onClick={() => go('/law/clause/index', { doc, clause: c.id })}
            >
              {c.title}
            </Btn>
          ))}
        </>
      )}
    </Page>
  );
}
