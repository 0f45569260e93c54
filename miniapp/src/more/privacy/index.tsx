// The privacy guide (WeChat's rules ask for one before personal data is used): what is used, for what,
// what is kept, and how to take consent back.
import { View } from '@tarojs/components';
import { useState } from 'react';
import { heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { getConsent, setConsent } from '../../lib/settings';

const SECTIONS: [string, string[]][] = [
  [
    '我们用到哪些信息',
    [
      '您选的参保地区、区县、医保类型，老人需要照顾的原因和时间、失能等级，每月护理费用，以及自评和自测的选项。',
      '不登录时，我们不需要、也不会询问姓名、身份证号或手机号。',
    ],
  ],
  ['用来做什么', ['只用来当场算出“能不能申请”“要花多少钱”和自评、自测的结果。']],
  [
    '保存什么',
    [
      '您选的地区、关怀模式和是否同意本指引，只保存在您自己的手机上。',
      '只有您点“结果好像不对”并提交时，服务器才会保存那一次的填写内容、结果和您写的话，供工作人员核对；其中的手机号和身份证号会先遮住。',
    ],
  ],
  ['不会做什么', ['不会把您的信息用于广告，也不会提供给与长护险办理无关的人。']],
  ['您可以随时', ['收回同意：点下面的按钮，下次计算前会再问您。', '有疑问可以联系当地医保经办机构。']],
];

export default function Privacy() {
  const [agreed, setAgreed] = useState(getConsent);
  return (
    <Page title="隐私保护指引">
      {SECTIONS.map(([title, lines]) => (
        <View className="card" key={title}>
          <View className="card-title" {...heading(2)}>
            {title}
          </View>
          {lines.map((l) => (
            <View key={l}>{l}</View>
          ))}
        </View>
      ))}
      <View className="card">
        <View>{agreed ? '您已经同意本指引。' : '您还没有同意本指引。'}</View>
        {agreed ? (
          <Btn
            kind="plain"
            onClick={() => {
              setConsent(false);
              setAgreed(false);
            }}
          >
            收回同意
          </Btn>
        ) : (
          <Btn
            kind="primary"
            onClick={() => {
              setConsent(true);
              setAgreed(true);
            }}
          >
            我同意
          </Btn>
        )}
      </View>
    </Page>
  );
}
