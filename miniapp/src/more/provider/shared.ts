// What the providers list and a provider's page share: the server's answer and its figures in words.

export interface Provider {
  id: string;
  name: string;
  districtName: string | null;
  address: string;
  phone: string;
  careModes: string[];
  careModeNames: string[];
  capacity: number;
  freePlaces: number;
  rating: { average: number | null; count: number };
  items: { name: string; unit: string; priceFen: number }[];
  isSample: boolean;
  distanceMeters?: number;
}

export function distanceText(m: number): string {
  return m < 1000 ? `${m} 米` : `${(m / 1000).toFixed(1)} 公里`;
}

export function ratingText(r: Provider['rating']): string {
  return r.average === null ? '还没有评价' : `${r.average.toFixed(1)} 分（满分5分，${r.count} 条评价）`;
}
