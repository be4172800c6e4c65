// The shapes the map components draw: photos.mapPoints's points and the box of a cluster, which
// photos.search takes as `bounds` (degrees, south <= north, west <= east).

/** One geotagged photo: its id and position in degrees (WGS 84). */
export type MapPoint = { id: string; lat: number; lon: number };

/** A box in degrees, as photos.search's `bounds` filter takes it. */
export type MapBounds = { south: number; west: number; north: number; east: number };
