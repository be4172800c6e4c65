// What a timeline shows: the filter of photos.list (folders, favorites, albums, tags, keywords)
// or of photos.search (the search page, the map's cluster grid). The timeline adds the month,
// cursor and page size itself.
import type { PhotosListInput, PhotosSearchInput } from "./photos";

type Paging = "cursor" | "limit" | "month";

/** photos.list's filter keys. */
export type TimelineListInput = Omit<NonNullable<PhotosListInput>, Paging>;

/** photos.search's filter keys (list keys included): local dates `YYYY-MM-DD` (inclusive),
 *  bounds in degrees. */
export type TimelineSearchInput = Omit<NonNullable<PhotosSearchInput>, Paging>;

/** The procedure a timeline pages through and its filter. */
export type TimelineSource = { procedure: "list"; input: TimelineListInput } | { procedure: "search"; input: TimelineSearchInput };
