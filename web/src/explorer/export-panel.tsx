import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../lib/api.js';
import { EXPORT_FORMATS, exportUrl, getExport, type ExportFormat } from '../lib/explorer-api.js';

const LABELS: Record<ExportFormat, string> = {
  typescript: 'TypeScript',
  pydantic: 'Pydantic',
  jsonschema: 'JSON Schema',
  zod: 'Zod',
  openapi: 'OpenAPI 3.1',
};

/** Copies through the Clipboard API, falling back to a selection copy where it is missing. */
async function copyText(text: string, fallback: HTMLElement | null): Promise<boolean> {
  if (navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: try the selection below.
    }
  }
  if (!fallback) return false;
  const range = document.createRange();
  range.selectNodeContents(fallback);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  // Deprecated but the only synchronous copy left when the Clipboard API is unavailable.
  return document.execCommand('copy');
}

/** Types generated from everything learned: preview, copy, download. */
export function ExportPanel() {
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('typescript');
  const [text, setText] = useState<string | undefined>();
  const [message, setMessage] = useState('');
  const preview = useRef<HTMLPreElement>(null);
  const load = () => {
    setText(undefined);
    setMessage('');
    getExport(format).then(setText, (e: unknown) =>
      setMessage(e instanceof ApiError ? e.message : 'Could not generate the export.'),
    );
  };
  useEffect(() => {
    if (open) load();
  }, [open, format]);
  const copy = () => {
    if (text === undefined) return;
    void copyText(text, preview.current).then((ok) =>
      setMessage(ok ? 'Copied to the clipboard.' : 'Copy failed; select the text instead.'),
    );
  };
  return (
    <details
      class="panel export"
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid="export-panel"
    >
      <summary>
        <h2>Type export</h2>
      </summary>
      <div class="row">
        <div class="segmented" role="group" aria-label="Export format">
          {EXPORT_FORMATS.map((key) => (
            <button
              key={key}
              type="button"
              aria-pressed={format === key}
              onClick={() => setFormat(key)}
              data-testid={`export-${key}`}
            >
              {LABELS[key]}
            </button>
          ))}
        </div>
        <span style={{ flex: '1' }} />
        <button type="button" onClick={load}>
          Regenerate
        </button>
        <button
          type="button"
          onClick={copy}
          disabled={text === undefined}
          data-testid="export-copy"
        >
          Copy
        </button>
        <a class="button" href={exportUrl(format, true)} download data-testid="export-download">
          Download
        </a>
      </div>
      {message && (
        <p class="muted" role="status">
          {message}
        </p>
      )}
      <pre ref={preview} data-testid="export-preview">
        {text ?? 'Generating…'}
      </pre>
    </details>
  );
}
