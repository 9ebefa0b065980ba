import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../lib/api.js';
import { getEndpoint } from '../lib/explorer-api.js';
import type { EndpointDetailView, ExampleView } from '../lib/views.js';
import { DriftHistory } from './drift-history.js';
import { EndpointCharts } from './endpoint-charts.js';
import { JsonView } from './json-view.js';
import { SchemaView } from './schema-view.js';

export type DetailTab = 'schemas' | 'examples' | 'drift' | 'charts';

const TABS: { key: DetailTab; label: string }[] = [
  { key: 'schemas', label: 'Schemas' },
  { key: 'examples', label: 'Examples' },
  { key: 'drift', label: 'Drift history' },
  { key: 'charts', label: 'Charts' },
];

function ContentTypes({ types }: { types: Record<string, number> | undefined }) {
  const entries = Object.entries(types ?? {});
  if (entries.length === 0) return null;
  return <p class="muted">{entries.map(([type, count]) => `${type} (${count})`).join(' · ')}</p>;
}

function ResponseHeaders({
  headers,
}: {
  headers: Record<string, Record<string, number>> | undefined;
}) {
  const entries = Object.entries(headers ?? {});
  if (entries.length === 0) return null;
  return (
    <table class="headers" data-testid="response-headers">
      <tbody>
        {entries.map(([name, values]) => (
          <tr key={name}>
            <td class="tok-key">{name}</td>
            <td>
              {Object.entries(values)
                .map(([value, count]) => `${value} (${count})`)
                .join(' · ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Schemas({ detail }: { detail: EndpointDetailView }) {
  const statuses = Object.keys(detail.responses).sort();
  return (
    <div class="stack">
      <section>
        <h3>Request body</h3>
        <ContentTypes types={detail.request.content_types} />
        <SchemaView schema={detail.request.schema} label="request" />
      </section>
      <section>
        <h3>Query parameters</h3>
        <SchemaView schema={detail.query.schema} label="query" />
      </section>
      {statuses.map((status) => (
        <section key={status}>
          <h3>Response {status}</h3>
          <ContentTypes types={detail.responses[status]?.content_types} />
          <ResponseHeaders headers={detail.responses[status]?.headers} />
          <SchemaView schema={detail.responses[status]?.schema} label={`${status} response`} />
        </section>
      ))}
    </div>
  );
}

function Example({ example }: { example: ExampleView }) {
  return (
    <div class="example" data-testid="example">
      <div class="row">
        <span class="badge">{example.status}</span>
        <code class="path">
          {example.path}
          {example.query ? `?${example.query}` : ''}
        </code>
        <span class="muted">
          {example.contentType} · {new Date(example.recordedAt).toLocaleString()}
        </span>
      </div>
      {example.requestBody !== undefined && (
        <>
          <div class="muted">Request body</div>
          <JsonView value={example.requestBody} label="Example request body" />
        </>
      )}
      {example.responseBody !== undefined && (
        <>
          <div class="muted">Response body</div>
          <JsonView value={example.responseBody} label="Example response body" />
        </>
      )}
      {example.responseText !== undefined && <pre>{example.responseText}</pre>}
    </div>
  );
}

function Examples({ detail }: { detail: EndpointDetailView }) {
  const groups = Object.entries(detail.examples).filter(([, list]) => list.length > 0);
  if (groups.length === 0) return <p class="muted">No examples recorded yet.</p>;
  return (
    <div class="stack">
      {groups.map(([status, list]) => (
        <section key={status}>
          <h3>
            Status {status} <span class="muted">({list.length} recorded, newest first)</span>
          </h3>
          {[...list].reverse().map((example, index) => (
            <Example key={index} example={example} />
          ))}
        </section>
      ))}
    </div>
  );
}

/** The deep-dive of one endpoint: schemas, recorded examples, drift history, charts. */
export function EndpointDetail(props: {
  endpointId: number;
  tab: DetailTab;
  onTab: (tab: DetailTab) => void;
  openAlertId: number | undefined;
  /** Bumped by auto-sync and manual refresh. */
  version: number;
  onChange: () => void;
}) {
  const [detail, setDetail] = useState<EndpointDetailView | undefined>();
  const [error, setError] = useState('');
  useEffect(() => {
    getEndpoint(props.endpointId).then(
      (value) => {
        setDetail(value);
        setError('');
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load the endpoint.'),
    );
  }, [props.endpointId, props.version]);
  return (
    <div class="detail">
      <div class="tabs" role="tablist">
        {TABS.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            aria-selected={props.tab === tab.key}
            onClick={() => props.onTab(tab.key)}
            data-testid={`tab-${tab.key}`}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {error && <p class="error">{error}</p>}
        {props.tab === 'drift' && (
          <DriftHistory
            endpointId={props.endpointId}
            version={props.version}
            {...(props.openAlertId === undefined ? {} : { openAlertId: props.openAlertId })}
            onChange={props.onChange}
          />
        )}
        {props.tab === 'charts' && (
          <EndpointCharts endpointId={props.endpointId} version={props.version} />
        )}
        {!detail && !error && (props.tab === 'schemas' || props.tab === 'examples') && (
          <p class="muted">Loading…</p>
        )}
        {detail && props.tab === 'schemas' && <Schemas detail={detail} />}
        {detail && props.tab === 'examples' && <Examples detail={detail} />}
      </div>
    </div>
  );
}
