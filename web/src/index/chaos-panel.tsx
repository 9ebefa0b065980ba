import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.js';

interface ChaosProfilesView {
  active: string;
  level: number;
  profiles: Record<string, { name: string; description: string; builtin?: boolean }>;
}

/** Chaos profile picker and the global level slider. */
export function ChaosPanel({ onChange }: { onChange: () => void }) {
  const [view, setView] = useState<ChaosProfilesView | undefined>();
  const load = () =>
    void api<ChaosProfilesView>('/admin/chaos/profiles')
      .then(setView)
      .catch(() => undefined);
  useEffect(load, []);
  const activate = (profile: string) =>
    void api('/admin/chaos/profiles', { method: 'POST', body: { profile } }).then(() => {
      load();
      onChange();
    });
  const setLevel = (level: number) =>
    void api('/admin/chaos', { method: 'POST', body: { level } }).then(load);
  if (!view)
    return (
      <section class="panel">
        <h2>Chaos engine</h2>
        <p class="muted">Loading…</p>
      </section>
    );
  const active = view.profiles[view.active];
  return (
    <section class="panel">
      <h2>Chaos engine</h2>
      <label for="chaos-profile">Profile</label>
      <select
        id="chaos-profile"
        value={view.active}
        onChange={(e) => activate((e.target as HTMLSelectElement).value)}
        data-testid="chaos-profile"
      >
        {Object.entries(view.profiles).map(([key, p]) => (
          <option key={key} value={key}>
            {p.name}
          </option>
        ))}
      </select>
      {active && <p class="muted">{active.description}</p>}
      <label for="chaos-level">Global level: {view.level}</label>
      <input
        id="chaos-level"
        type="range"
        min={0}
        max={100}
        value={view.level}
        onChange={(e) => setLevel(Number((e.target as HTMLInputElement).value))}
        data-testid="chaos-level"
      />
    </section>
  );
}
