// H5 only: Taro loads each feature's page code the first time it is opened. When the network is gone at
// that moment the import fails and the page would stay blank; instead a plain notice with a retry covers
// the screen (plain DOM: the page's own React tree never rendered).
const MESSAGE = '网络好像断了，这一页没能打开。请检查手机的网络（无线网或手机流量），然后再试一次。';

function isChunkFailure(reason: unknown): boolean {
  const e = reason as { name?: string; message?: string } | null;
  return !!e && (e.name === 'ChunkLoadError' || /Loading (CSS )?chunk .* failed/i.test(e.message ?? ''));
}

function showNotice(): void {
  if (document.getElementById('chunk-failure')) return;
  const box = document.createElement('div');
  box.id = 'chunk-failure';
  box.className = 'state failure chunk-failure';
  box.setAttribute('role', 'alert');
  const title = document.createElement('div');
  title.className = 'state-title';
  title.textContent = '⚠ 没有连上网络';
  const text = document.createElement('div');
  text.textContent = MESSAGE;
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.className = 'btn btn-primary chunk-retry';
  retry.textContent = '再试一次';
  retry.addEventListener('click', () => location.reload());
  box.append(title, text, retry);
  document.body.append(box);
}

export function watchPageLoads(): void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return;
  window.addEventListener('unhandledrejection', (event) => {
    if (!isChunkFailure(event.reason)) return;
    event.preventDefault();
    showNotice();
  });
  window.addEventListener('error', (event) => {
    if (isChunkFailure(event.error)) showNotice();
  });
}
