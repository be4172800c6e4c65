// The one rule that turns text into search words, for what is indexed and for what is searched,
// so SQLite's FTS5 and PostgreSQL's text search see exactly the same words (neither engine's
// tokenizer, stemmer or case folding takes part: the indexes only split on spaces).

/** Longer words are cut to this many characters, both when indexed and when searched. */
export const MAX_WORD_LENGTH = 64;
/** A search uses its first this many words. */
export const MAX_SEARCH_TERMS = 10;

/**
 * The words of `texts`, each once, in order of first appearance: compatibility-decomposed
 * (NFKD: "ﬁ" is "fi", "²" is "2"), diacritics dropped ("Café" is "cafe"), lower case, split on
 * everything that is not a letter or a digit ("IMG_0042.jpg" is "img", "0042", "jpg").
 */
export function searchWords(...texts: (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const folded = text.normalize("NFKD").toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
    for (const word of folded.split(/[^\p{L}\p{N}]+/u)) if (word) words.add([...word].slice(0, MAX_WORD_LENGTH).join(""));
  }
  return [...words];
}

/** What a photo is found by, as the scanner stores it (PhotoSearch.words): its folder names
 *  (relative to the library root), file name, title, description, camera make and model, lens
 *  and file keywords, as searchWords joined by single spaces. */
export function photoSearchText(p: {
  folder: string;
  fileName: string;
  title?: string | null;
  description?: string | null;
  cameraMake?: string | null;
  cameraModel?: string | null;
  lens?: string | null;
  keywords?: string[];
}): string {
  return searchWords(p.folder, p.fileName, p.title, p.description, p.cameraMake, p.cameraModel, p.lens, ...(p.keywords ?? [])).join(" ");
}

/** A user's own words for a photo (UserPhotoSearch.words): their tag and album names on it. */
export const userSearchText = (names: string[]) => searchWords(...names).join(" ");

/** The words of a search box's text to look up, each a prefix: at most MAX_SEARCH_TERMS. */
export const searchTerms = (q: string) => searchWords(q).slice(0, MAX_SEARCH_TERMS);
