/**
 * What a field is about, from the whole tokens of its name (`avatarURL` → avatar, url;
 * `created_at` → created, at). Whole tokens, not substrings, so `valid` is not an id,
 * `country` not a count and `message` not an age. Categories are tried in table order and
 * the first with a matching token wins, so the specific beats the generic:
 * `avatar_url` is a profile image before a link, `total_price` a price before a total,
 * `session_id` an authentication token before an identifier.
 */
const CATEGORIES: readonly (readonly [context: string, tokens: string])[] = [
  ['passwords and secrets', 'password passwd pwd secret apikey otp pin salt'],
  ['authentication tokens', 'token jwt session bearer refresh csrf oauth auth credential'],
  ['unique identifiers', 'id uuid guid uid ulid userid identifier slug'],
  ['user profile images', 'avatar photo picture pic portrait headshot'],
  [
    'timestamps',
    'created updated modified deleted timestamp datetime time ts expires expiry expiration seen',
  ],
  ['calendar dates', 'date day birthday birthdate dob month year'],
  ['durations and timeouts', 'duration ttl timeout elapsed latency seconds ms minutes hours'],
  [
    'prices and monetary amounts',
    'price amount cost fee subtotal tax discount balance salary revenue payment refund',
  ],
  ['currency codes', 'currency iso4217'],
  ['email addresses', 'email mail'],
  ['phone numbers', 'phone mobile tel telephone fax msisdn'],
  ['geographic coordinates', 'lat lng lon latitude longitude coordinates coords geo geolocation'],
  ['network addresses', 'ip ipv4 ipv6 host hostname port domain'],
  ['postal addresses', 'address street city zip zipcode postal postcode country region province'],
  ['files and attachments', 'file filename attachment mime mimetype extension upload document'],
  ['images and media', 'image img thumbnail thumb logo icon banner cover video media'],
  ['links (URLs)', 'url uri link href website homepage permalink redirect'],
  ['counts and totals', 'count total quantity qty num number size length sum'],
  ['pagination', 'page offset limit cursor next prev previous perpage'],
  ['rates and percentages', 'percent percentage ratio rate progress'],
  ['ratings and scores', 'rating score stars rank votes likes'],
  ['status tracking', 'status state stage phase lifecycle'],
  ['user roles and permissions', 'role permission scope privilege acl admin grant'],
  [
    'feature flags and switches',
    'enabled disabled active flag visible hidden verified archived published deprecated',
  ],
  ['errors and messages', 'error message msg warning reason detail code'],
  ['tags and categories', 'tag label category categories keyword topic genre'],
  ['entity types', 'type kind variant class'],
  ['versions', 'version revision etag rev'],
  ['language and locale settings', 'locale language lang timezone tz i18n'],
  ['sort order and positions', 'sort position index priority sequence'],
  ['display names', 'name username firstname lastname fullname nickname displayname handle'],
  ['titles and headings', 'title headline heading subject caption'],
  ['descriptive text', 'description desc summary bio body content text note comment excerpt'],
  ['lists and result sets', 'items results data list records entries rows nodes edges collection'],
  ['user accounts', 'user author owner customer member account profile creator assignee'],
];

/** Leading tokens that make a boolean question of the name (`is_active`, `hasAvatar`). */
const FLAG_PREFIXES: ReadonlySet<string> = new Set('is has can should allow allows'.split(' '));
/** Names longer than this are not words any table knows; tokenising them would be wasted work. */
const MAX_NAME_LENGTH = 100;

/** token → rank of its category in CATEGORIES (lower wins). */
const RANK_BY_TOKEN: ReadonlyMap<string, number> = new Map(
  CATEGORIES.flatMap(([, tokens], rank) =>
    tokens.split(' ').map((token) => [token, rank] as const),
  ),
);

/** Splits camelCase, PascalCase, acronyms, snake/kebab case and digits into lower-case tokens. */
function tokenize(name: string): string[] {
  return (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []).map((t) => t.toLowerCase());
}

/** The token itself, then its singular for plain plurals (`ids` → id, `tags` → tag). */
function rankOf(token: string): number | undefined {
  const singular = token.length > 2 && token.endsWith('s') ? token.slice(0, -1) : undefined;
  return (
    RANK_BY_TOKEN.get(token) ?? (singular === undefined ? undefined : RANK_BY_TOKEN.get(singular))
  );
}

/**
 * The plain-English subject of a field name ("unique identifiers", "user profile images",
 * "authentication tokens", "prices and monetary amounts", "timestamps", …; 35 categories),
 * or undefined when no whole token of the name is known. Also: a trailing `at`
 * (`createdAt`) means a timestamp, a trailing `by` (`updated_by`) a user account, and a
 * leading is/has/can (`isActive`) a feature flag.
 */
export function fieldContext(name: string): string | undefined {
  if (name.length > MAX_NAME_LENGTH) return undefined;
  const tokens = tokenize(name);
  if (tokens.length > 1) {
    if (FLAG_PREFIXES.has(tokens[0] ?? '')) return 'feature flags and switches';
    const last = tokens[tokens.length - 1];
    if (last === 'at') return 'timestamps';
    if (last === 'by') return 'user accounts';
  }
  let best: number | undefined;
  for (const token of tokens) {
    const rank = rankOf(token);
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
  }
  return best === undefined ? undefined : CATEGORIES[best]?.[0];
}
