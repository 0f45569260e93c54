// The designated providers of the region (the public GET /providers).
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Empty, Failure, Loading } from '../../components/States';
import { get } from '../../lib/api';
import { getRegion, setRegion } from '../../lib/settings';
import type { Region } from '../../lib/types';
import { useApi } from '../../lib/useApi';

interface Provider {
  id: string;
  name: string;
  districtName: string | null;
  address: string;
  phone: string;
  careModeNames: string[];
  capacity: number;
  freePlaces: number;
  isSample: boolean;
}

export default function Providers() {
  const [region, choose] = useState(getRegion());
  const regions = useApi(() => get<Region[]>('/regions'), []);
  const list = useApi(region ? () => get<Provider[]>('/providers', { region }) : null, [region]);
  const name = regions.data?.find((r) => r.id === region)?.name;
  return (
    <Page title="找护理机构">
      {/* One message and one retry for the page, even when both of its loads failed. */}
      {regions.error && (
        <Failure
          error={regions.error}
          retry={() => {
            regions.reload();
            if (list.error) list.reload();
          }}
        />
      )}
      {regions.data && (
        <View className="card">
          <View className="card-title" {...heading(2)}>
            {name ? `${name}的定点护理机构` : '老人在哪里参保？'}
          </View>
          <View className="choices two">
            {regions.data.map((r) => (
              <Btn
                key={r.id}
                kind="choice"
                selected={r.id === region}
                onClick={() => {
                  setRegion(r.id);
                  choose(r.id);
                }}
              >
                {r.name}
              </Btn>
            ))}
          </View>
        </View>
      )}
      {list.loading && <Loading what="正在找机构" />}
      {list.error && !regions.error && <Failure error={list.error} retry={list.reload} />}
      {list.data?.length === 0 && (
        <Empty>{`${name ?? '当地'}还没有登记的定点护理机构。可以向当地医保经办机构打听。`}</Empty>
      )}
      {list.data?.map((p) => (
        <View className="card" key={p.id}>
          <View className="card-title" {...heading(2)}>
            {p.name}
            {p.isSample ? '（示例）' : ''}
          </View>
          <View>护理方式：{p.careModeNames.join('、')}</View>
          <View>
            地址：{p.districtName ?? ''}
            {p.address}
          </View>
          <View>{p.freePlaces > 0 ? `还有 ${p.freePlaces} 个空位` : '暂时没有空位'}</View>
          <Btn kind="plain" onClick={() => void Taro.makePhoneCall({ phoneNumber: p.phone }).catch(() => undefined)}>
            打电话：{p.phone}
          </Btn>
        </View>
      ))}
    </Page>
  );
}
