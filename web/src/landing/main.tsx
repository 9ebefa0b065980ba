import { render } from 'preact';
import '../shared/app.css';

const STEPS = [
  {
    title: '1. Point it at your backend',
    body: 'Start with --target http://localhost:3000, or sign in and set the Target API URL in the Control Deck. Only http and https targets are accepted; cloud metadata and link-local addresses never are.',
    code: 'npx adaptive-mock start --target http://localhost:3000',
  },
  {
    title: '2. Send your frontend through the proxy',
    body: 'Use the proxy URL as your API base URL. Every request is forwarded untouched while Adaptive Mock learns path templates, JSON schemas per status, latency and status mix.',
    code: "const API = 'http://127.0.0.1:8000';",
  },
  {
    title: '3. Switch to mock',
    body: 'When the backend is down, slow or unfinished, switch the mode to Mock (or send X-Mock-Enabled: true on one request). Responses follow the learned schemas with realistic data; if the backend dies while proxying, reads fail over to mocks automatically.',
    code: "curl -H 'X-Mock-Enabled: true' http://127.0.0.1:8000/users/42",
  },
  {
    title: '4. Harden and watch',
    body: 'Turn on a chaos profile to see how your app copes with latency and errors, watch the Explorer for contract drift explained in plain English, and export TypeScript, Zod, Pydantic, JSON Schema or OpenAPI from what was learned.',
    code: 'npx adaptive-mock export --format typescript --out api-types.ts',
  },
];

function Landing() {
  return (
    <>
      <header class="top">
        <span class="brand">Adaptive Mock</span>
        <nav>
          <a href="/">Control Deck</a>
          <a href="/admin/explorer">Explorer</a>
        </nav>
        <a href="/admin/login">Sign in</a>
      </header>
      <main>
        <h1>Your API&apos;s digital twin</h1>
        <p>
          Adaptive Mock sits between your frontend and its backend. It learns the API from live
          traffic and serves realistic mocks from what it learned — with zero configuration — so a
          backend that is down, slow or unfinished never stops the frontend team.
        </p>
        <div class="grid">
          {STEPS.map((step) => (
            <section class="panel" key={step.title}>
              <h2>{step.title}</h2>
              <p>{step.body}</p>
              <pre>{step.code}</pre>
            </section>
          ))}
        </div>
      </main>
    </>
  );
}

render(<Landing />, document.getElementById('app')!);
