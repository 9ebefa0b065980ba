import { render, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ConfigView } from '../../../src/contract/admin-api.js';
import { api, getConfig, hasSession } from '../lib/api.js';
import { listEndpoints } from '../lib/explorer-api.js';
import { TopBar } from '../shared/top-bar.js';
import { TargetForm } from '../index/target-form.js';
import '../shared/app.css';
import './landing.css';

const POLL_MS = 3000;

/** What the guided setup knows about this server (only once signed in). */
interface Progress {
  config: ConfigView;
  endpoints: number;
}

function Step(props: {
  index: number;
  title: string;
  done: boolean | undefined;
  children: ComponentChildren;
}) {
  return (
    <section
      class={`panel step ${props.done ? 'done' : ''}`}
      data-testid={`setup-step-${props.index}`}
    >
      <h2>
        <span class="step-mark" aria-hidden="true">
          {props.done ? '✓' : props.index}
        </span>{' '}
        {props.title}
        {props.done && <span class="sr-only"> (done)</span>}
      </h2>
      {props.children}
    </section>
  );
}

function GuidedSetup({ progress, reload }: { progress: Progress | undefined; reload: () => void }) {
  const proxy = window.location.origin;
  const mode = progress?.config.mode;
  const setMode = (next: 'proxy' | 'mock') =>
    void api('/admin/mode', { method: 'POST', body: { mode: next } }).then(reload);
  return (
    <div class="grid steps">
      <Step
        index={1}
        title="Point it at your backend"
        done={progress && progress.config.target_url !== null}
      >
        <p>
          Adaptive Mock forwards every request to this URL and learns from the answers. Only http
          and https targets are accepted; cloud metadata and link-local addresses never are.
        </p>
        {progress ? (
          <TargetForm config={progress.config} onChange={reload} />
        ) : (
          <pre>npx adaptive-mock start --target http://localhost:3000</pre>
        )}
      </Step>
      <Step
        index={2}
        title="Send your frontend through the proxy"
        done={progress && progress.endpoints > 0}
      >
        <p>
          Use the proxy as your API base URL. Requests pass through untouched while path templates,
          JSON schemas per status, latency and the status mix are learned.
        </p>
        <pre>{`const API = '${proxy}';\ncurl ${proxy}/users/42`}</pre>
        {progress && (
          <p class="muted" data-testid="setup-learned">
            {progress.endpoints === 0
              ? 'Waiting for the first request…'
              : `${progress.endpoints} endpoint${progress.endpoints === 1 ? '' : 's'} learned so far.`}
          </p>
        )}
      </Step>
      <Step index={3} title="Switch to mock" done={mode === 'mock'}>
        <p>
          When the backend is down, slow or unfinished, serve responses from what was learned:
          realistic data that follows the schemas. One request can ask for a mock with{' '}
          <code>X-Mock-Enabled: true</code>; while proxying, reads fail over to mocks if the backend
          dies.
        </p>
        {progress ? (
          <div class="row">
            <button
              type="button"
              class={mode === 'mock' ? '' : 'primary'}
              onClick={() => setMode(mode === 'mock' ? 'proxy' : 'mock')}
              data-testid="setup-mode"
            >
              {mode === 'mock' ? 'Back to proxy mode' : 'Switch to mock mode'}
            </button>
            <span class="muted">Now: {mode} mode</span>
          </div>
        ) : (
          <pre>{`curl -H 'X-Mock-Enabled: true' ${proxy}/users/42`}</pre>
        )}
      </Step>
      <Step index={4} title="Harden and watch" done={undefined}>
        <p>
          Turn on a chaos profile to see how your app copes with latency and errors, watch contract
          drift explained in plain English, and export TypeScript, Zod, Pydantic, JSON Schema or
          OpenAPI from what was learned.
        </p>
        <p class="row">
          <a class="button" href="/">
            Control Deck
          </a>
          <a class="button" href="/admin/explorer">
            Explorer
          </a>
        </p>
      </Step>
    </div>
  );
}

function Landing() {
  const [signedIn, setSignedIn] = useState<boolean | undefined>();
  const [progress, setProgress] = useState<Progress | undefined>();
  const reload = () =>
    void Promise.all([getConfig(), listEndpoints('', 1)]).then(
      ([config, page]) => setProgress({ config, endpoints: page.total }),
      () => undefined,
    );
  useEffect(() => {
    hasSession().then(setSignedIn, () => setSignedIn(false));
  }, []);
  useEffect(() => {
    if (!signedIn) return undefined;
    reload();
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [signedIn]);
  return (
    <>
      <TopBar active="/landing" guest={signedIn !== true} />
      <main>
        <section class="hero">
          <h1>Your API&apos;s digital twin</h1>
          <p>
            Adaptive Mock sits between your frontend and its backend as a reverse proxy. It learns
            the API from live traffic and serves realistic mocks from what it learned — with zero
            configuration — so a backend that is down, slow or unfinished never stops the frontend
            team. It also injects chaos, flags contract drift in plain English, scores endpoint
            health and exports types.
          </p>
          {signedIn === false && (
            <p>
              <a
                class="button primary"
                href="/admin/login?next=%2Flanding"
                data-testid="setup-sign-in"
              >
                Sign in to run the guided setup
              </a>
            </p>
          )}
        </section>
        <h2 class="section-title">Guided setup</h2>
        <GuidedSetup progress={progress} reload={reload} />
      </main>
    </>
  );
}

render(<Landing />, document.getElementById('app')!);
