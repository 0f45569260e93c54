// The review before submitting: everything the draft holds, each with the way back to its step, then one
// button. A gap the server finds (care mode, address) is shown at its row with the way to fill it.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Failure, Loading } from '../../components/States';
import { ApiError, get, post } from '../../lib/api';
import { go, pageUrl, useParams } from '../../lib/nav';
import type { Named } from '../../lib/types';
import { useApi } from '../../lib/useApi';
import { kindName, type Application, type Material } from '../shared';
import '../apply.css';

const STEP_OF: Record<string, number> = {
  careMode: 1,
  disabilityCause: 2,
  disabilityMonths: 2,
  description: 3,
  visitAddress: 4,
  contactPhone: 4,
};

export default function Review() {
  const { id } = useParams();
  const loaded = useApi(
    () =>
      Promise.all([
        get<Application>(`/applications/${id}`),
        get<Material[]>(`/applications/${id}/materials`),
        get<Named[]>('/disability-causes'),
      ]),
    [id],
  );
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError>();
  if (loaded.error)
    return (
      <Page title="核对申请">
        <Failure error={loaded.error} retry={loaded.reload} />
      </Page>
    );
  if (!loaded.data)
    return (
      <Page title="核对申请">
        <Loading />
      </Page>
    );
  const [app, materials, causes] = loaded.data;
  const problem = (field: string) => error?.details.find((d) => d.path === field)?.message;
  const edit = (field: string) => go('/apply/form/index', { step: STEP_OF[field] });
  const row = (field: string, label: string, value: string | null) => (
    <View className="row review-row" key={field}>
      <View className="row-key">{label}</View>
      <View className="row-value">{value ?? '（没有填）'}</View>
      {problem(field) && (
        <View className="problem" {...attrs({ role: 'alert' })}>
          {problem(field)}
        </View>
      )}
      <Btn kind="plain" onClick={() => edit(field)}>
        修改{label}
      </Btn>
    </View>
  );
  const submit = async () => {
    setSending(true);
    setError(undefined);
    try {
      await post(`/applications/${app.id}/moves`, { move: 'submit' });
      void Taro.redirectTo({ url: pageUrl('/apply/prepare/index', { id: app.id, submitted: 1 }) });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('server', '没能提交，请再试一次。'));
    } finally {
      setSending(false);
    }
  };
  const cause = causes.find((c) => c.id === app.disabilityCause)?.name ?? null;
  return (
    <Page title="核对一遍再提交">
      <View className="card">
        <View className="card-title" {...heading(2)}>
          为{app.person.name}申请失能评估
        </View>
        {row('careMode', '护理方式', app.careModeName)}
        {row('disabilityCause', '需要照顾的原因', cause)}
        {row('disabilityMonths', '持续时间', app.disabilityMonths === null ? null : `约${app.disabilityMonths}个月`)}
        {row('description', '老人的情况', app.description)}
        {row('visitAddress', '上门评估地址', app.visitAddress)}
        {row('contactPhone', '联系手机号', app.contactPhone)}
      </View>
      <View className="card">
        <View className="card-title" {...heading(2)}>
          申请材料
        </View>
        {materials.length === 0 && (
          <View className="muted">还没有上传材料。可以先提交，经办人员可能会请您补充；最好先拍好身份证和病历。</View>
        )}
        {materials.map((m, i) => (
          <View className="material-name" key={m.id}>
            ✓ {kindName(m.kind)}（第{i + 1}份）
          </View>
        ))}
        <Btn kind="plain" onClick={() => go('/apply/form/index', { step: 5 })}>
          添加或更换材料
        </Btn>
      </View>
      {error && !error.details.some((d) => d.path in STEP_OF) && <Failure error={error} />}
      {error && error.details.some((d) => d.path in STEP_OF) && (
        <View className="problem" {...attrs({ role: 'alert' })}>
          {error.message}
        </View>
      )}
      <Btn kind="primary" className="submit-btn" onClick={submit} disabled={sending}>
        {sending ? '正在提交……' : '确认无误，提交申请'}
      </Btn>
    </Page>
  );
}
