import { useEffect, useState } from 'preact/hooks';
import type { ConfigView } from '../../../src/contract/admin-api.js';
import { api, ApiError } from '../lib/api.js';

/** The backend URL form; the server's validation message is shown inline. */
export function TargetForm({
  config,
  onChange,
}: {
  config: ConfigView | undefined;
  onChange: () => void;
}) {
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (config && value === '') setValue(config.target_url ?? '');
  }, [config?.target_url]);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError('');
    setSaved(false);
    try {
      await api('/admin/target', { method: 'POST', body: { target_url: value } });
      setSaved(true);
      onChange();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not save the target.');
    }
  };
  return (
    <section class="panel">
      <h2>Platform configuration</h2>
      <form onSubmit={(e) => void submit(e)}>
        <label for="target">Target API URL</label>
        <div class="row">
          <input
            id="target"
            type="text"
            value={value}
            placeholder="http://localhost:3000"
            onInput={(e) => setValue((e.target as HTMLInputElement).value)}
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby="target-error"
            data-testid="target-input"
          />
          <button class="primary" type="submit" data-testid="target-save">
            Save
          </button>
        </div>
        {error && (
          <p id="target-error" class="error" role="alert" data-testid="target-error">
            {error}
          </p>
        )}
        {saved && <p class="muted">Saved. New requests go to the new target.</p>}
      </form>
    </section>
  );
}
