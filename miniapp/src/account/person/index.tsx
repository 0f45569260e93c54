import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Failure, Loading } from '../../components/States';
import { ApiError, del, get } from '../../lib/api';
import { useParams } from '../../lib/nav';
import { getActing, goSignIn, setActing, signInIfExpired, useSession } from '../../lib/session';
import { useApi } from '../../lib/useApi';
import { chineseDay, METHOD_NAMES, RELATIONSHIP_NAMES, type ConsentView, type PersonView } from '../shared';

/** One person: their details (masked), who may act for them and since when, and revoking a consent. */
export default function Person() {
  const { id } = useParams();
  const { session } = useSession();
  const person = useApi(session && id ? () => get<PersonView>(`/persons/${id}`) : null, [id, session?.token]);
  const consents = useApi(session && id ? () => get<ConsentView[]>(`/persons/${id}/consents`) : null, [
    id,
    session?.token,
  ]);
  const [asking, setAsking] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>();

  if (!session) {
    return (
      <Page title="老人的资料">
        <Btn kind="primary" onClick={() => goSignIn()}>
          用手机号登录
        </Btn>
      </Page>
    );
  }

  const revoke = async (c: ConsentView) => {
    setError(undefined);
    try {
      await del(`/persons/${id}/consents/${c.id}`);
      setAsking(null);
      if (c.granteeId === session.user.id) {
        // Without the consent this account may no longer act for the person.
        if (getActing()?.personId === id) setActing(null);
        void Taro.showToast({ title: '已撤销代办授权', icon: 'none' });
        void Taro.navigateBack();
        return;
      }
      consents.reload();
    } catch (err) {
      if (!signInIfExpired(err))
        setError(err instanceof ApiError ? err : new ApiError('server', '没能撤销，请再试一次。'));
    }
  };

  const p = person.data;
  return (
    <Page title={p ? p.name : '老人的资料'}>
      {person.loading && <Loading />}
      {person.error && !signInIfExpired(person.error) && <Failure error={person.error} retry={person.reload} />}
      {p && (
        <View className="card">
          <View className="card-title" {...heading(2)}>
            资料
          </View>
          <View>身份证号：{p.idNumberMasked}</View>
          <View>
            参保地：{p.regionName}
            {p.districtName ?? ''}
          </View>
          <View>医保类型：{p.insuranceName}</View>
          <View>联系手机：{p.phone}</View>
          <View>居住地址：{p.address}</View>
        </View>
      )}
      <View className="card consents">
        <View className="card-title" {...heading(2)}>
          谁可以为老人办理
        </View>
        {consents.loading && <Loading />}
        {consents.error && <Failure error={consents.error} retry={consents.reload} />}
        {consents.data?.map((c) => (
          <View key={c.id} className="consent-item" {...attrs({ role: 'group' })}>
            <View className="strong">
              {c.granteeName ?? c.granteePhone}
              {c.granteeId === session.user.id ? '（就是您）' : ''}：{RELATIONSHIP_NAMES[c.relationship] ?? '代办人'}
            </View>
            <View>
              {c.givenBy}于{chineseDay(c.givenAt)}
              {METHOD_NAMES[c.method] ?? '同意'}
              {c.revokedAt ? `，已于${chineseDay(c.revokedAt)}撤销` : '，现在有效'}
            </View>
            {!c.revokedAt &&
              c.method !== 'self' &&
              (asking === c.id ? (
                <View className="confirm">
                  <View>
                    撤销后，{c.granteeId === session.user.id ? '您' : '这位代办人'}就不能再为老人办理了。确定撤销吗？
                  </View>
                  <Btn kind="primary" onClick={() => void revoke(c)}>
                    确定撤销
                  </Btn>
                  <Btn kind="plain" onClick={() => setAsking(null)}>
                    不撤销
                  </Btn>
                </View>
              ) : (
                <Btn kind="plain" onClick={() => setAsking(c.id)}>
                  撤销这项授权
                </Btn>
              ))}
          </View>
        ))}
        {error && <Failure error={error} />}
      </View>
    </Page>
  );
}
