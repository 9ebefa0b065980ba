import { render } from 'preact';
import { TopBar } from '../shared/top-bar.js';
import '../shared/app.css';

function Docs() {
  return (
    <>
      <TopBar active="/admin/docs" />
      <main>
        <p class="muted">Loading the API documentation…</p>
      </main>
    </>
  );
}

render(<Docs />, document.getElementById('app')!);
