// How folder and file names are sorted for people: case and accents aside, numbers by value
// ("IMG_9" before "IMG_10").

/** Compares two names in natural order. One collator for the process: `localeCompare` with
 *  options builds one per call, which made sorting 1,000 folders cost 27 ms instead of 1. */
export const naturalOrder = new Intl.Collator(undefined, { sensitivity: "base", numeric: true }).compare;
