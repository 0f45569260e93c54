// A clause in its own words, with the document it belongs to and that document's status.
import { View } from '@tarojs/components';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Failure, Loading } from '../../components/States';
import { WrongAnswer } from '../../components/WrongAnswer';
import { get } from '../../lib/api';
import { allDocuments, docName, STATUS_WORDS } from '../../lib/docs';
import { go, pageUrl, useParams } from '../../lib/nav';
import type { ClauseView, DocumentView } from '../../lib/types';
import { useApi } from '../../lib/useApi';

export default function Clause() {
  const { doc = '', clause = '' } = useParams();
  const res = useApi(
    () =>
      Promise.all([
        get<ClauseView>(`/documents/${encodeURIComponent(doc)}/clauses/${encodeURIComponent(clause)}`),
        allDocuments(),
      ]).then(([c, docs]) => ({ c, d: docs.find((x) => x.id === doc) as DocumentView | undefined })),
    [doc, clause],
  );
  return (
    <Page title="政策原文">
      {res.loading && <Loading />}
      {res.error && <Failure error={res.error} retry={res.reload} />}
      {res.data && (
        <>
          <View className="card">
            {res.data.d && (
              <>
                <View className="card-title" {...heading(2)}>
                  {docName(res.data.d)}
                </View>
                <View className={`status status-${res.data.d.status}`}>
                  状态：{STATUS_WORDS[res.data.d.status]}
                  {res.data.d.draft && res.data.d.status !== 'draft' ? '，征求意见稿' : ''}
                </View>
              </>
            )}
            <View className="clause-title" {...heading(3)}>
              {res.data.c.label ?? res.data.c.title}
            </View>
            <View className="clause-text" {...attrs({ 'aria-label': '条款原文' })}>
              {res.data.c.text}
            </View>
          </View>
          <View className="no-print">
            <Btn kind="plain" onClick={() => go('/law/document/index', { doc })}>
              看这份文件的全部条款
            </Btn>
          </View>
          <WrongAnswer
            topic="clause"
            page={pageUrl('/law/clause/index', { doc, clause })}
            inputs={{ doc, clause }}
            answer={{ title: res.data.c.title }}
          />
        </>
      )}
    </Page>
  );
}
