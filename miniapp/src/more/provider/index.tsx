// One provider: its care modes, the items and prices it posts, its rating and free places, its address, and
// its phone (tap to call: a tel: link in H5, the phone's dialer in WeChat). Opened while choosing (pick=1) it
// can be chosen, and the change page gets the choice.
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Empty, Failure, Loading } from '../../components/States';
import { get } from '../../lib/api';
import { yuan } from '../../lib/money';
import { useParams } from '../../lib/nav';
import { setPicked } from '../../lib/pick';
import { useApi } from '../../lib/useApi';
import { ratingText, type Provider } from './shared';

export default function ProviderDetail() {
  const { id = '', pick } = useParams();
  const p = useApi(() => get<Provider>(`/providers/${encodeURIComponent(id)}`), [id]);
  const d = p.data;
  return (
    <Page title={d ? d.name + (d.isSample ? '（示例）' : '') : '护理机构'}>
      {p.loading && !d && <Loading what="正在读取机构" />}
      {p.error && <Failure error={p.error} retry={p.reload} />}
      {d && (
        <>
          <View className="card">
            <View className="row">
              <View className="row-key">护理方式</View>
              <View className="row-value" data-field="modes">
                {d.careModeNames.join('、')}
              </View>
            </View>
            <View className="row">
              <View className="row-key">地址</View>
              <View className="row-value" data-field="address">
                {d.districtName ?? ''}
                {d.address}
              </View>
            </View>
            <View className="row">
              <View className="row-key">评分</View>
              <View className="row-value" data-field="rating">
                {ratingText(d.rating)}
              </View>
            </View>
            <View className="row">
              <View className="row-key">空位</View>
              <View className="row-value" data-field="free-places">
                {d.freePlaces > 0
                  ? `还有 ${d.freePlaces} 个（共 ${d.capacity} 个）`
                  : `暂时没有（共 ${d.capacity} 个）`}
              </View>
            </View>
            <Call phone={d.phone} />
            {pick === '1' && (
              <Btn
                kind="primary"
                onClick={() => {
                  setPicked({ id: d.id, name: d.name, careModes: d.careModes });
                  // Back past the list to the page that asked.
                  void Taro.navigateBack({ delta: 2 });
                }}
              >
                选这家
              </Btn>
            )}
          </View>
          <View className="card">
            <View className="card-title" {...heading(2)}>
              公示的服务项目和收费
            </View>
            {d.items.length === 0 ? (
              <Empty>这家机构还没有公示服务项目，可以打电话问一问。</Empty>
            ) : (
              d.items.map((i) => (
                <View className="row" key={i.name} data-field="item">
                  <View className="row-key">{i.name}</View>
                  <View className="row-value">
                    {yuan(i.priceFen)} / {i.unit}
                  </View>
                </View>
              ))
            )}
            <View className="note">服务计划内的项目由长护险按规定支付，计划外的项目按这里的价格自费。</View>
          </View>
        </>
      )}
    </Page>
  );
}

/** Tap to call: in H5 a real tel: link (the phone offers to dial), in WeChat the dialer. */
function Call({ phone }: { phone: string }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className="btn btn-plain call" href={`tel:${phone}`} {...attrs({ 'data-field': 'phone' })}>
        <span className="btn-label">打电话：{phone}</span>
      </a>
    );
  }
  return (
    <Btn kind="plain" onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      打电话：{phone}
    </Btn>
  );
}
