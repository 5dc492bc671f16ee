import type { PropsWithChildren } from 'react';
import { applyTextSize } from './services/text-size';
import './app.scss';

// 大字模式: H5 sets its size variables once, before the first page renders.
applyTextSize();

/** Pages are the children; the entry flow (privacy → login → role home) is decided by pages/index. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
