// The policy library: every document the answers rest on, with its status in words.
import { View } from '@tarojs/components';
import { heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Empty, Failure, Loading } from '../../components/States';
import { allDocuments, docName, STATUS_WORDS } from '../../lib/docs';
import { go } from '../../lib/nav';
import { useApi } from '../../lib/useApi';

export default function Library() {
  const docs = useApi(allDocuments, []);
  return (
    <Page title="政策文件">
      <View className="lead">这里的每个结论都来自下面这些文件。点开可以看每一条的原文。</View>
      {docs.loading && <Loading />}
      {docs.error && <Failure error={docs.error} retry={docs.reload} />}
      {docs.data?.length === 0 && <Empty>现在还没有收录政策文件。</Empty>}
      {docs.data?.map((d) => (
        <View className="card doc" key={d.id}>
          <View className="card-title" {...heading(2)}>
            {docName(d)}
          </View>
          <View className={`status status-${d.status}`}>
            状态：{STATUS_WORDS[d.status]}
            {d.draft && d.status !== 'draft' ? '，征求意见稿' : ''}
          </View>
          <View className="muted">
            {d.title}
            {d.number ? `（${d.number}）` : ''}
          </View>
          <Btn kind="choice" onClick={() => go('/law/document/index', { doc: d.id })}>
            看条款
          </Btn>
        </View>
      ))}
    </Page>
  );
}
