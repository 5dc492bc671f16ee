import type { PropsWithChildren } from 'react';
import './app.scss';

/** Pages are the children; the entry flow (privacy → login → role home) is decided by pages/index. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
