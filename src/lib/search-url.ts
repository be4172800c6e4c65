// The search page keeps its whole state in the URL (/search?q=beach&from=2024-01-01&...), so a
// search can be bookmarked, shared, reloaded and gone back to. The parameters are the keys of
// photos.search with the same names and meanings; a value the search would refuse is dropped.
import { z } from "zod";
import { searchFilterKeys } from "./photos";
import type { TimelineSearchInput } from "./timeline-source";

/** The search keys the page takes from its URL, in the order it writes them. */
export const SEARCH_PARAMS = ["q", "from", "to", "mediaType", "favorite", "minRating", "hasLocation", "camera"] as const;
type SearchParam = (typeof SEARCH_PARAMS)[number];

/** What the search page shows: the search keys of photos.search (the map's bounds aside). */
export type SearchInput = Pick<TimelineSearchInput, SearchParam>;

const fromText: Record<SearchParam, (s: string) => unknown> = {
  q: (s) => s,
  from: (s) => s,
  to: (s) => s,
  mediaType: (s) => s,
  favorite: (s) => (s === "true" ? true : undefined),
  minRating: (s) => (/^\d$/.test(s) ? Number(s) : undefined),
  hasLocation: (s) => (s === "true" ? true : s === "false" ? false : undefined),
  camera: (s) => s,
};

/** The search in a page's query (Next's `searchParams`): each known key whose value
 *  photos.search takes, blanks and anything else left out. */
export function searchFromParams(params: Record<string, string | string[] | undefined>): SearchInput {
  const input: Record<string, unknown> = {};
  for (const key of SEARCH_PARAMS) {
    const raw = params[key];
    const text = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!text) continue;
    const parsed = searchFilterKeys[key].safeParse(fromText[key](text));
    if (parsed.success && parsed.data !== undefined && parsed.data !== "") input[key] = parsed.data;
  }
  // an end before the start finds nothing: keep the start, as the form says
  if (typeof input.from === "string" && typeof input.to === "string" && input.to < input.from) delete input.to;
  return input as SearchInput;
}

/** The URL of the search page for `input` (keys in a fixed order, blanks left out). */
export function searchHref(input: SearchInput): string {
  const params = new URLSearchParams();
  for (const key of SEARCH_PARAMS) {
    const value = input[key];
    if (value === undefined || value === "") continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/search?${query}` : "/search";
}

/** Nothing to search by yet: the page explains what it can do instead of listing everything. */
export const isBlankSearch = (input: SearchInput) => SEARCH_PARAMS.every((key) => input[key] === undefined);

export const END_BEFORE_START = "The end date is before the start date.";

/**
 * The search form's fields as the inputs hold them (strings, a checkbox) and the search they
 * make: blanks mean "any"; each value is checked by photos.search's own schema, and an end date
 * before the start is refused.
 */
export const searchFormSchema = z
  .object({
    q: z.string(),
    from: z.string(),
    to: z.string(),
    mediaType: z.enum(["", "photo", "video"]),
    favorite: z.boolean(),
    minRating: z.enum(["", "1", "2", "3", "4", "5"]),
    hasLocation: z.enum(["", "true", "false"]),
    camera: z.string(),
  })
  .superRefine((v, ctx) => {
    for (const key of ["q", "from", "to", "camera"] as const) {
      if (v[key].trim() === "") continue;
      for (const issue of searchFilterKeys[key].safeParse(v[key]).error?.issues ?? []) ctx.addIssue({ code: "custom", message: issue.message, path: [key] });
    }
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: "custom", message: END_BEFORE_START, path: ["to"] });
  })
  .transform((v): SearchInput => searchFromParams({ ...v, favorite: v.favorite ? "true" : "" }));

export type SearchFormValues = z.input<typeof searchFormSchema>;

/** The form's fields showing `input`. */
export function searchFormValues(input: SearchInput): SearchFormValues {
  return {
    q: input.q ?? "",
    from: input.from ?? "",
    to: input.to ?? "",
    mediaType: input.mediaType ?? "",
    favorite: input.favorite === true,
    minRating: input.minRating ? (String(input.minRating) as SearchFormValues["minRating"]) : "",
    hasLocation: input.hasLocation === undefined ? "" : input.hasLocation ? "true" : "false",
    camera: input.camera ?? "",
  };
}
