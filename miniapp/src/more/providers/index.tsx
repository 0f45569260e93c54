// The designated providers of the region (the public GET /providers): filtered by district and care mode,
// sorted by name, by distance (the location is asked for only when the user chooses it; without it the list
// stays by name and no distance is shown), by rating or by free places. Opened from the change page with
// pick=1, each provider can be chosen and the page goes back with the choice (lib/pick.ts).
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Empty, Failure, Loading } from '../../components/States';
import { get } from '../../lib/api';
import { go, useParams } from '../../lib/nav';
import { setPicked } from '../../lib/pick';
import { getRegion, setRegion } from '../../lib/settings';
import type { Region } from '../../lib/types';
import { useApi } from '../../lib/useApi';
import { distanceText, ratingText, type Provider } from '../provider/shared';

type Sort = 'name' | 'distance' | 'rating' | 'free-places';
const SORTS: { id: Sort; name: string }[] = [
  { id: 'name', name: '按名称' },
  { id: 'distance', name: '离我近的' },
  { id: 'rating', name: '评分高的' },
  { id: 'free-places', name: '空位多的' },
];

export default function Providers() {
  const params = useParams();
  const picking = params.pick === '1';
  const [region, choose] = useState(params.region || getRegion());
  const [district, setDistrict] = useState('');
  const [mode, setMode] = useState(params.mode ?? '');
  const [sort, setSort] = useState<Sort>('name');
  const [at, setAt] = useState<{ lat: number; lng: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [noLocation, setNoLocation] = useState('');
  const regions = useApi(() => get<Region[]>('/regions'), []);
  const modes = useApi(
    region ? () => get<{ offered: { id: string; name: string }[] }>(`/regions/${region}/care-modes`) : null,
    [region],
  );
  const bySort = sort === 'distance' && !at ? 'name' : sort;
  const list = useApi(
    region
      ? () =>
          get<Provider[]>('/providers', {
            region,
            district: district || undefined,
            mode: mode || undefined,
            sort: bySort,
            ...(bySort === 'distance' && at ? { lat: at.lat, lng: at.lng } : {}),
          })
      : null,
    [region, district, mode, bySort, at?.lat, at?.lng],
  );
  const current = regions.data?.find((r) => r.id === region);
  const name = current?.name;

  /** Asks for the location only now, when the user chose "离我近的"; without it the list stays as it was. */
  async function byDistance() {
    setNoLocation('');
    setLocating(true);
    try {
      const pos = await Taro.getLocation({ type: 'wgs84' });
      setAt({ lat: pos.latitude, lng: pos.longitude });
      setSort('distance');
    } catch {
      setAt(null);
      setSort('name');
      setNoLocation('没能取得您的位置（可能没有允许使用位置），先按名称排列。也可以按区县筛选，找离家近的机构。');
    } finally {
      setLocating(false);
    }
  }

  function pick(p: Provider) {
    setPicked({ id: p.id, name: p.name, careModes: p.careModes });
    void Taro.navigateBack();
  }

  return (
    <Page title={picking ? '选择定点机构' : '找护理机构'}>
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
      {regions.data && !picking && (
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
                  setDistrict('');
                  setMode('');
                }}
              >
                {r.name}
              </Btn>
            ))}
          </View>
        </View>
      )}
      {current && (
        <View className="card filters">
          {current.districts.length > 0 && (
            <>
              <View className="section-title" {...heading(3)} {...attrs({ id: 'district-label' })}>
                区县
              </View>
              <View className="choices two" {...attrs({ role: 'group', 'aria-labelledby': 'district-label' })}>
                <Btn kind="choice" selected={district === ''} onClick={() => setDistrict('')}>
                  全部区县
                </Btn>
                {current.districts.map((d) => (
                  <Btn key={d.id} kind="choice" selected={district === d.id} onClick={() => setDistrict(d.id)}>
                    {d.name}
                  </Btn>
                ))}
              </View>
            </>
          )}
          {modes.data && (
            <>
              <View className="section-title" {...heading(3)} {...attrs({ id: 'mode-label' })}>
                护理方式
              </View>
              <View {...attrs({ role: 'group', 'aria-labelledby': 'mode-label' })}>
                <Btn kind="choice" selected={mode === ''} onClick={() => setMode('')}>
                  全部方式
                </Btn>
                {modes.data.offered.map((m) => (
                  <Btn key={m.id} kind="choice" selected={mode === m.id} onClick={() => setMode(m.id)}>
                    {m.name}
                  </Btn>
                ))}
              </View>
            </>
          )}
          <View className="section-title" {...heading(3)} {...attrs({ id: 'sort-label' })}>
            排列顺序
          </View>
          <View className="choices two" {...attrs({ role: 'group', 'aria-labelledby': 'sort-label' })}>
            {SORTS.map((s) => (
              <Btn
                key={s.id}
                kind="choice"
                selected={bySort === s.id}
                disabled={s.id === 'distance' && locating}
                onClick={() => (s.id === 'distance' ? void byDistance() : (setSort(s.id), setNoLocation('')))}
              >
                {s.id === 'distance' && locating ? '正在取得位置…' : s.name}
              </Btn>
            ))}
          </View>
          {noLocation && (
            <View className="problem" {...attrs({ role: 'alert' })} data-field="no-location">
              {noLocation}
            </View>
          )}
        </View>
      )}
      {list.loading && <Loading what="正在找机构" />}
      {list.error && !regions.error && <Failure error={list.error} retry={list.reload} />}
      {list.data?.length === 0 && (
        <Empty>
          {district || mode
            ? '没有符合条件的机构。可以换一个区县或护理方式再看看。'
            : `${name ?? '当地'}还没有登记的定点护理机构。可以向当地医保经办机构打听。`}
        </Empty>
      )}
      {list.data?.map((p) => (
        <View className="card provider" key={p.id} data-provider={p.id}>
          <View className="card-title" {...heading(2)}>
            {p.name}
            {p.isSample ? '（示例）' : ''}
          </View>
          <View>护理方式：{p.careModeNames.join('、')}</View>
          <View>
            地址：{p.districtName ?? ''}
            {p.address}
          </View>
          {p.distanceMeters !== undefined && (
            <View className="strong" data-field="distance">
              离您约 {distanceText(p.distanceMeters)}
            </View>
          )}
          <View data-field="rating">评分：{ratingText(p.rating)}</View>
          <View data-field="free-places">{p.freePlaces > 0 ? `还有 ${p.freePlaces} 个空位` : '暂时没有空位'}</View>
          {picking ? (
            <Btn kind="primary" onClick={() => pick(p)}>
              选这家
            </Btn>
          ) : (
            <Btn kind="plain" onClick={() => void Taro.makePhoneCall({ phoneNumber: p.phone }).catch(() => undefined)}>
              打电话：{p.phone}
            </Btn>
          )}
          <Btn
            kind="choice"
            onClick={() => go('/more/provider/index', { id: p.id, ...(picking ? { pick: '1' } : {}) })}
          >
            看收费和详情
          </Btn>
        </View>
      ))}
    </Page>
  );
}
