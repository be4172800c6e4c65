// What a timeline shows: the filter of photos.list (folders, favorites, albums, tags, keywords)
// or of photos.search (the search page, the map's cluster grid). The timeline adds the month,
// cursor and page size itself.

/** photos.list's filter keys. */
export type TimelineListInput = { folder?: string; favorite?: boolean; albumId?: string; tag?: string; keyword?: string };

/** photos.search's filter keys: local dates `YYYY-MM-DD` (inclusive), bounds in degrees. */
export type TimelineSearchInput = {
  q?: string;
  from?: string;
  to?: string;
  mediaType?: "photo" | "video";
  favorite?: boolean;
  minRating?: number;
  hasLocation?: boolean;
  camera?: string;
  bounds?: { south: number; west: number; north: number; east: number };
  folder?: string;
  albumId?: string;
  tag?: string;
};

/** The procedure a timeline pages through and its filter. */
export type TimelineSource = { procedure: "list"; input: TimelineListInput } | { procedure: "search"; input: TimelineSearchInput };
