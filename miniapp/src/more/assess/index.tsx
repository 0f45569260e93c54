// How to apply for the assessment: the steps every region shares, then the region's own clauses on the
// assessment in their original words (the document is the one the server cites for the region).
import { View } from '@tarojs/components';
import { useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Empty, Failure, Loading } from '../../components/States';
import { get } from '../../lib/api';
import { allDocuments, clausesOf, docName } from '../../lib/docs';
import { go, useParams } from '../../lib/nav';
import { getRegion, setRegion } from '../../lib/settings';
import type { ClauseView, Region } from '../../lib/types';
import { useApi } from '../../lib/useApi';

const STEPS = [
  '先想一想：老人是不是已经长期需要别人照顾（吃饭、穿衣、上厕所、洗澡等）。可以先做“申请前自评”。',
  '向参保地的医保经办机构（或定点服务机构、社区）提出申请，带上老人的身份证、医保卡和病历等材料。具体要哪些材料，以当地要求为准。',
  '评估机构派人上门，按国家的评估标准查看老人的情况。',
  '评估结论会通知您；对结论有异议的，可以在规定的时间内申请复评。',
  '评估通过后，选择护理方式和定点护理机构，开始享受待遇。',
];

interface Local {
  docName: string;
  clauses: ClauseView[];
}

async function localClauses(region: string): Promise<Local | null> {
  const modes = await get<{ offered: { citations: { doc: string }[] }[] }>(
    `/regions/${encodeURIComponent(region)}/care-modes`,
  );
  const doc = modes.offered.flatMap((m) => m.citations)[0]?.doc;
  if (!doc) return null;
  const [docs, list] = await Promise.all([allDocuments(), clausesOf(doc)]);
  const wanted = list.filter((c) => /评估|申请/.test(c.title));
  const clauses = await Promise.all(
    wanted.map((c) => get<ClauseView>(`/documents/${encodeURIComponent(doc)}/clauses/${encodeURIComponent(c.id)}`)),
  );
  const d = docs.find((x) => x.id === doc);
  return { docName: d ? docName(d) : '', clauses };
}

export default function Assess() {
  const params = useParams();
  const [region, choose] = useState(params.region || getRegion());
  const regions = useApi(() => get<Region[]>('/regions'), []);
  const local = useApi(region ? () => localClauses(region) : null, [region]);
  const name = regions.data?.find((r) => r.id === region)?.name;
  return (
    <Page title="怎么申请评估">
      <View className="card">
        <View className="card-title" {...heading(2)}>
          一般的步骤
        </View>
        {STEPS.map((s, i) => (
          <View className="next-step" key={i}>
            {i + 1}. {s}
          </View>
        ))}
        <Btn kind="choice" onClick={() => go('/check/screen/index', { region })}>
          先做申请前自评
        </Btn>
      </View>
      {!region && regions.data && (
        <View className="card">
          <View className="card-title" {...heading(2)}>
            看看当地文件怎么说：老人在哪里参保？
          </View>
          {regions.data.map((r) => (
            <Btn
              key={r.id}
              kind="choice"
              onClick={() => {
                setRegion(r.id);
                choose(r.id);
              }}
            >
              {r.name}
            </Btn>
          ))}
        </View>
      )}
      {/* One message and one retry for the page, even when both of its loads failed. */}
      {regions.error && (
        <Failure
          error={regions.error}
          retry={() => {
            regions.reload();
            if (local.error) local.reload();
          }}
        />
      )}
      {local.loading && <Loading what="正在找当地文件" />}
      {local.error && !regions.error && <Failure error={local.error} retry={local.reload} />}
      {region && local.data === null && (
        <Empty>{`${name ?? '当地'}的政策文件还没有收录，请向当地医保经办机构咨询。`}</Empty>
      )}
      {local.data && (
        <View className="card">
          <View className="card-title" {...heading(2)}>
            {name}的规定（{local.data.docName}）
          </View>
          {local.data.clauses.length === 0 && <View>文件里没有单独写评估的条款，请向当地医保经办机构咨询。</View>}
          {local.data.clauses.map((c) => (
            <View key={c.clause} className="clause">
              <View className="clause-title" {...heading(3)}>
                {c.title}
              </View>
              <View className="clause-text" {...attrs({ 'aria-label': `${c.title}原文` })}>
                {c.text}
              </View>
            </View>
          ))}
        </View>
      )}
    </Page>
  );
}
