/**
 * Decodes one `application/x-www-form-urlencoded` name or value (`+` is a space). Malformed
 * percent-encoding is returned raw rather than rejected: traffic is observed, not validated.
 */
export function decodeQueryComponent(raw: string): string {
  const spaced = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
