import { singularize } from '../paths/singularize.js';
import { tokenizeName } from '../redact/tokenize-name.js';
import type { FieldKind } from './field-kinds.js';

/*
 * Patterns are whole words or word sequences (`created_at` = created + at), never substrings:
 * the prototype's prefix/suffix matching turned `country` into a count, `message` into an
 * age and `lat` into a date. Within a name the head word comes last in English compounds
 * (`email_verified` is a flag, `verified_email` an email), so the match ending latest wins,
 * then the longest sequence (`avatar_url` beats `url`), then the earlier row of the table.
 */

const DATE_SUFFIXES = ['at', 'on', 'date', 'time', 'timestamp', 'ts'];

/** `created` → `created created_at created_on …`; verbs that are flags alone skip the bare form. */
function dated(verbs: string, standalone: boolean): string {
  return verbs
    .split(' ')
    .flatMap((verb) => [...(standalone ? [verb] : []), ...DATE_SUFFIXES.map((s) => `${verb}_${s}`)])
    .join(' ');
}

const IMAGE_WORDS = 'avatar photo image img thumbnail thumb picture pic logo icon banner cover';
const imageUrls = IMAGE_WORDS.split(' ')
  .flatMap((word) => [word, `${word}_url`, `${word}_uri`, `${word}_link`, `${word}_src`])
  .join(' ');

const TABLE: readonly (readonly [FieldKind, string])[] = [
  ['uuid', 'uuid guid'],
  ['token', 'token jwt nonce secret password session session_id api_key apikey access_key'],
  ['id', 'id'],
  ['email', 'email mail e_mail email_address'],
  ['phone', 'phone mobile tel telephone fax cell phone_number mobile_number'],
  ['firstName', 'first_name firstname fname given_name forename'],
  ['lastName', 'last_name lastname lname surname family_name'],
  ['username', 'username user_name user login handle nickname nick screen_name account_name by'],
  ['fullName', 'name full_name fullname display_name displayname author owner contact_name'],
  ['company', 'company company_name organization organisation employer'],
  ['jobTitle', 'job job_title occupation'],
  ['imageUrl', imageUrls],
  ['url', 'url uri link href website homepage callback webhook endpoint redirect'],
  ['domain', 'domain domain_name host hostname'],
  ['birthDate', 'birth birthday birthdate birth_date dob date_of_birth'],
  ['createdDate', dated('created registered joined', true)],
  ['createdDate', dated('published posted submitted inserted added signup creation', false)],
  ['updatedDate', dated('updated modified edited', true)],
  ['updatedDate', 'last_login last_seen last_active last_modified last_updated'],
  [
    'updatedDate',
    dated('deleted seen accessed synced expired completed finished started ended closed', false),
  ],
  ['expiryDate', dated('expires expiry expiration due', true)],
  ['expiryDate', 'valid_until deadline scheduled_at starts_at ends_at'],
  ['duration', 'duration elapsed ttl timeout latency expires_in'],
  ['date', 'date time timestamp datetime ts when'],
  ['price', 'price cost amount total subtotal tax fee charge balance salary wage revenue'],
  ['price', 'discount tip budget cents'],
  ['currency', 'currency currency_code'],
  ['fileSize', 'file_size filesize byte size_bytes'],
  ['count', 'count quantity qty num number size length follower following friend like view'],
  ['count', 'download score rank level page per_page limit offset index'],
  ['age', 'age'],
  ['year', 'year birth_year'],
  ['rating', 'rating star'],
  ['percentage', 'percent percentage ratio rate progress'],
  ['port', 'port'],
  ['latitude', 'lat latitude'],
  ['longitude', 'lng lon longitude'],
  ['title', 'title subject headline heading'],
  ['description', 'description desc summary abstract excerpt overview bio about blurb'],
  ['text', 'body content text message comment note detail instruction remark reason'],
  ['text', 'explanation error warning caption'],
  ['mimeType', 'mime mime_type content_type media_type mimetype'],
  ['word', 'word format keyword'],
  ['tag', 'tag label category category_name type kind group role department genre topic'],
  ['status', 'status state phase stage'],
  ['flagTrue', 'active enabled visible published verified confirmed approved available'],
  ['flagTrue', 'online valid success'],
  ['flagFalse', 'deleted archived disabled blocked banned suspended hidden locked expired'],
  ['city', 'city town city_name'],
  ['state', 'state_code province region'],
  ['countryCode', 'country_code country_iso'],
  ['country', 'country country_name nation'],
  ['zipCode', 'zip zipcode zip_code postal postal_code postcode'],
  ['address', 'address street street_address address_line addr'],
  ['hash', 'hash checksum md5 sha sha1 sha256 digest etag fingerprint'],
  ['color', 'color colour hex_color background bg_color'],
  ['ipv4', 'ip ipv4 ip_address remote_addr client_ip'],
  ['ipv6', 'ipv6'],
  ['macAddress', 'mac mac_address'],
  ['userAgent', 'user_agent useragent ua'],
  ['locale', 'locale'],
  ['language', 'language lang language_code'],
  ['timezone', 'timezone time_zone tz'],
  ['fileName', 'filename file_name file attachment'],
  ['filePath', 'path file_path filepath'],
  ['version', 'version semver'],
  ['slug', 'slug'],
  ['sku', 'sku code product_code'],
  ['iban', 'iban'],
  ['accountNumber', 'account account_number account_no'],
  ['productName', 'product product_name item_name'],
];

interface Rule {
  kind: FieldKind;
  words: readonly string[];
  /** Table row: the earlier row wins between matches of equal end and length. */
  row: number;
}

/** Rules grouped by their last word. */
const RULES_BY_LAST_WORD: ReadonlyMap<string, readonly Rule[]> = indexRules();

function indexRules(): Map<string, Rule[]> {
  const index = new Map<string, Rule[]>();
  for (const [row, [kind, patterns]] of TABLE.entries()) {
    for (const pattern of patterns.split(' ')) {
      const words = pattern.split('_');
      const last = words[words.length - 1] ?? '';
      const list = index.get(last) ?? [];
      list.push({ kind, words, row });
      index.set(last, list);
    }
  }
  return index;
}

/** Whether the name's word at `index` is `word`, in its own or its singular form. */
function wordMatches(forms: readonly (readonly string[])[], index: number, word: string): boolean {
  return forms[index]?.includes(word) ?? false;
}

function rulesEndingAt(forms: readonly (readonly string[])[], end: number): Rule[] {
  const candidates = (forms[end] ?? []).flatMap((form) => RULES_BY_LAST_WORD.get(form) ?? []);
  return candidates.filter(({ words }) => {
    const start = end - words.length + 1;
    return start >= 0 && words.every((word, i) => wordMatches(forms, start + i, word));
  });
}

/**
 * Returns the semantic kind a field name suggests (`createdAt`, `created_at` and
 * `user.created` alike), or undefined when no word of the name is known.
 */
export function classifyField(name: string): FieldKind | undefined {
  const forms = tokenizeName(name).map((token) => {
    const singular = singularize(token);
    return singular === token ? [token] : [token, singular];
  });
  for (let end = forms.length - 1; end >= 0; end--) {
    let best: Rule | undefined;
    for (const rule of rulesEndingAt(forms, end)) {
      const longer = best ? rule.words.length - best.words.length : 1;
      if (!best || longer > 0 || (longer === 0 && rule.row < best.row)) best = rule;
    }
    if (best) return best.kind;
  }
  return undefined;
}
