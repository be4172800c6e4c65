// File keywords (IPTC/XMP) in one order for the server and the UI.

// one collator: localeCompare with options builds one per call
const byWord = new Intl.Collator("en", { sensitivity: "base" }).compare;

/** Keywords by name ignoring case and accents, ties (same word, different case) by code unit,
 *  so both database engines and every browser give the same order. */
export function compareKeywords(a: string, b: string) {
  return byWord(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
