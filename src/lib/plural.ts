// Counts in words: "1 photo", "2 photos", "1,234 files". English plural rules (Intl.PluralRules),
// the one place every count shown to people goes through.
const rules = new Intl.PluralRules("en-US");

/** `one` or `other` as English grammar wants it for `count` (0 takes the plural). */
export function pluralWord(count: number, one: string, other = `${one}s`): string {
  return rules.select(count) === "one" ? one : other;
}

/** The count with thousands separators and its noun: plural(1, "photo") is "1 photo",
 *  plural(2, "photo") "2 photos", plural(3, "match", "matches") "3 matches". */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${pluralWord(count, one, other)}`;
}
