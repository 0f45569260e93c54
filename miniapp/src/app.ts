import type { PropsWithChildren } from 'react';
import './app.css';
import { watchPageLoads } from './lib/chunkFailure';

if (process.env.TARO_ENV === 'h5') watchPageLoads();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
