import React, { useState } from 'react';
import debounce from 'lodash/debounce';
import { formatScore } from './utils/format';
import { fetchPings } from './api/client';

// Rendered by the host page; see tests/ for the (partly disabled) suite.
export function App(): JSX.Element {
  const [score, setScore] = useState(0);
  const refresh = debounce(async () => setScore((await fetchPings()).length), 250);
  return (
    <main>
      <p>Don't forget to ping the cat: {formatScore(score)}</p>
      <button onClick={() => refresh()}>Refresh</button>
    </main>
  );
}

export default App;
