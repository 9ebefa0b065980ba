/** Longest name prefix examined; longer names are judged by their start. */
const NAME_LIMIT = 128;

/**
 * Splits a field, header or parameter name into lower-case words across the usual
 * conventions: `apiKey`, `APIKey`, `api_key`, `API-KEY` and `api.key` all give ['api', 'key'].
 */
export function tokenizeName(name: string): string[] {
  return name
    .slice(0, NAME_LIMIT)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}
