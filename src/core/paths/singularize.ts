/**
 * English singular of a resource name, for parameter names (`repos` → `repo`,
 * `categories` → `category`, `addresses` → `address`). Plain suffix rules plus a few irregular
 * words; a wrong guess only costs a less pretty parameter name.
 */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['people', 'person'],
  ['children', 'child'],
  ['men', 'man'],
  ['women', 'woman'],
  ['mice', 'mouse'],
  ['geese', 'goose'],
  ['feet', 'foot'],
  ['teeth', 'tooth'],
  ['indices', 'index'],
  ['vertices', 'vertex'],
  ['matrices', 'matrix'],
  ['criteria', 'criterion'],
  ['analyses', 'analysis'],
  ['statuses', 'status'],
  ['aliases', 'alias'],
  ['caches', 'cache'],
  ['movies', 'movie'],
  ['cookies', 'cookie'],
  ['series', 'series'],
  ['species', 'species'],
  ['news', 'news'],
]);

const ES_ENDINGS = ['sses', 'shes', 'ches', 'xes', 'zzes'];
const KEEP_ENDINGS = ['ss', 'us', 'is'];

/** Returns the singular of `word`, keeping its case for rule-based changes. */
export function singularize(word: string): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR.get(lower);
  if (irregular !== undefined && lower === word) return irregular;
  if (lower.length > 4 && lower.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (ES_ENDINGS.some((ending) => lower.endsWith(ending))) return word.slice(0, -2);
  if (lower.length > 2 && lower.endsWith('s') && !KEEP_ENDINGS.some((e) => lower.endsWith(e))) {
    return word.slice(0, -1);
  }
  return word;
}
