import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../lib/api.js';
import { getEndpointChaos, listEndpoints, setEndpointChaos } from '../lib/explorer-api.js';
import type { EndpointChaosView } from '../lib/views.js';

interface EndpointRef {
  id: number;
  method: string;
  template: string;
}

/** Editable fields; rates are shown in percent, the API takes probabilities. */
const FIELDS = [
  { key: 'level', label: 'Level (0–100)', scale: 1 },
  { key: 'latencyMs', label: 'Added latency (ms)', scale: 1 },
  { key: 'errorRate', label: 'Error rate (%)', scale: 100 },
  { key: 'errorStatus', label: 'Error status', scale: 1 },
  { key: 'resetRate', label: 'Reset rate (%)', scale: 100 },
  { key: 'corruptRate', label: 'Corrupt rate (%)', scale: 100 },
] as const;

type FieldKey = (typeof FIELDS)[number]['key'];
type Draft = Record<FieldKey, string>;

function toDraft(chaos: EndpointChaosView): Draft {
  const draft = {} as Draft;
  for (const field of FIELDS) {
    const value = chaos[field.key];
    draft[field.key] =
      value === undefined ? '' : String(Math.round(value * field.scale * 1000) / 1000);
  }
  return draft;
}

/** Empty fields are left out so the endpoint falls back to the active profile's value. */
function fromDraft(enabled: boolean, draft: Draft): EndpointChaosView {
  const chaos: EndpointChaosView = { enabled };
  for (const field of FIELDS) {
    const text = draft[field.key].trim();
    if (text !== '') chaos[field.key] = Number(text) / field.scale;
  }
  return chaos;
}

/** Chaos for one endpoint, overriding the active profile while enabled. */
export function EndpointChaosPanel() {
  const [query, setQuery] = useState('');
  // undefined until the first answer, so "nothing learned" is never shown while loading.
  const [matches, setMatches] = useState<EndpointRef[] | undefined>();
  const [selected, setSelected] = useState<EndpointRef | undefined>();
  const [enabled, setEnabled] = useState(true);
  const [draft, setDraft] = useState<Draft>(toDraft({ enabled: true }));
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  // While an endpoint's settings load the form is disabled: their arrival would otherwise
  // overwrite what the user typed meanwhile. The ref drops answers for an earlier selection.
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      listEndpoints(query, 8).then(
        (page) => setMatches(page.items),
        () => setMatches([]),
      );
    }, 250);
    return () => window.clearTimeout(timer);
  }, [query]);

  const select = (endpoint: EndpointRef) => {
    const request = ++latest.current;
    setSelected(endpoint);
    setMessage('');
    setError('');
    setLoading(true);
    getEndpointChaos(endpoint.id).then(
      ({ chaos }) => {
        if (request !== latest.current) return;
        setLoading(false);
        const unset = Object.keys(chaos).length === 1;
        // Nothing set yet: the box starts ticked, since the user is here to add chaos.
        setEnabled(chaos.enabled || unset);
        setDraft(toDraft(chaos));
        setMessage(
          unset
            ? 'No chaos set for this endpoint yet.'
            : chaos.enabled
              ? 'Chaos is on.'
              : 'Chaos is off.',
        );
      },
      (e: unknown) => {
        if (request !== latest.current) return;
        setLoading(false);
        // The previous endpoint's values must not be saved onto this one by mistake.
        setEnabled(true);
        setDraft(toDraft({ enabled: true }));
        setError(e instanceof ApiError ? e.message : 'Could not load its chaos settings.');
      },
    );
  };
  const save = (chaos: EndpointChaosView) => {
    if (!selected) return;
    const request = latest.current;
    setMessage('');
    setError('');
    setEndpointChaos(selected.id, chaos).then(
      (result) => {
        // Another endpoint was picked meanwhile: this answer belongs to the old one.
        if (request !== latest.current) return;
        setEnabled(result.chaos.enabled);
        setDraft(toDraft(result.chaos));
        setMessage(
          result.chaos.enabled
            ? 'Saved: chaos applies to this endpoint.'
            : 'Endpoint chaos is off.',
        );
      },
      (e: unknown) => {
        if (request === latest.current)
          setError(e instanceof ApiError ? e.message : 'Could not save.');
      },
    );
  };

  return (
    <section class="panel" data-testid="endpoint-chaos">
      <h2>Per-endpoint chaos</h2>
      <label for="endpoint-chaos-search">Endpoint</label>
      <input
        id="endpoint-chaos-search"
        type="search"
        placeholder="Search, e.g. GET /users"
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        data-testid="endpoint-chaos-search"
      />
      <div class="choices" role="group" aria-label="Matching endpoints">
        {matches?.map((endpoint) => (
          <button
            key={endpoint.id}
            type="button"
            aria-pressed={selected?.id === endpoint.id}
            onClick={() => select(endpoint)}
          >
            <span class="method">{endpoint.method}</span> <code>{endpoint.template}</code>
          </button>
        ))}
        {matches?.length === 0 && (
          <span class="muted">
            {query.trim() ? 'No endpoint matches.' : 'No endpoint learned yet.'}
          </span>
        )}
      </div>
      {selected && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save(fromDraft(enabled, draft));
          }}
        >
          <fieldset disabled={loading} aria-busy={loading}>
            <label class="row">
              <input
                type="checkbox"
                checked={enabled}
                onChange={(e) => setEnabled((e.target as HTMLInputElement).checked)}
                data-testid="endpoint-chaos-enabled"
              />
              Enabled for <code>{selected.template}</code>
            </label>
            <div class="fields">
              {FIELDS.map((field) => (
                <label key={field.key}>
                  <span class="muted">{field.label}</span>
                  <input
                    type="number"
                    step="any"
                    placeholder="profile"
                    value={draft[field.key]}
                    onInput={(e) =>
                      setDraft({ ...draft, [field.key]: (e.target as HTMLInputElement).value })
                    }
                    data-testid={`endpoint-chaos-${field.key}`}
                  />
                </label>
              ))}
            </div>
            <div class="row">
              <button class="primary" type="submit" data-testid="endpoint-chaos-save">
                Save
              </button>
              <button type="button" onClick={() => save({ enabled: false })}>
                Turn off
              </button>
            </div>
            {error && (
              <p class="error" role="alert" data-testid="endpoint-chaos-error">
                {error}
              </p>
            )}
            {message && <p class="muted">{message}</p>}
          </fieldset>
        </form>
      )}
    </section>
  );
}
