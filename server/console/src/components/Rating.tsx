import type { Provider } from '../api';

/** A 1–5 score as stars, read out as "4 分（满分 5 分）". */
export function Stars({ score }: { score: number }) {
  return (
    <span className="stars" role="img" aria-label={`${score} 分（满分 5 分）`}>
      <span aria-hidden="true">{'★'.repeat(score) + '☆'.repeat(Math.max(0, 5 - score))}</span> {score}分
    </span>
  );
}

/** The provider's score as the API computed it from visit ratings. */
export function RatingText({ rating }: { rating: Provider['rating'] }) {
  if (rating.average === null) return <>还没有评价</>;
  return (
    <>
      {rating.average} 分（满分 5 分，{rating.count} 条评价）
    </>
  );
}
