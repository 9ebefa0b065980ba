import { render } from 'preact';
import { TopBar } from '../shared/top-bar.js';
import '../shared/app.css';

function Explorer() {
  return (
    <>
      <TopBar active="/admin/explorer" />
      <main>
        <p class="muted">Loading the Explorer…</p>
      </main>
    </>
  );
}

render(<Explorer />, document.getElementById('app')!);
