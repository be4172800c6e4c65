"use client";
// The viewer's small map (photo-location-map.tsx loads it lazily): one marker where the photo
// was taken, no dragging or zooming, on the admin's tiles or a plain background.
import { useEffect, useRef, useState } from "react";
import { createBaseMap, L, MAP_CONTAINER_CLASS, type TileStatus } from "./base-map";
import { MapOverlays } from "./map-attribution";

const ZOOM = 13;

export type LocationMapProps = { lat: number; lon: number; tileUrl: string; attribution: string };

export default function LocationMap({ lat, lon, tileUrl, attribution }: LocationMapProps) {
  const element = useRef<HTMLDivElement>(null);
  const [tiles, setTiles] = useState<TileStatus>("loading");

  useEffect(() => {
    if (!element.current) return;
    setTiles("loading");
    const map = createBaseMap(element.current, { tileUrl, interactive: false, onTiles: setTiles });
    map.setView([lat, lon], ZOOM);
    const icon = L.divIcon({
      className: "",
      iconSize: [18, 18],
      html: '<span data-testid="location-marker" class="block h-full w-full rounded-full border-[3px] border-white bg-brand shadow-md"></span>',
    });
    L.marker([lat, lon], { icon, interactive: false, keyboard: false }).addTo(map);
    return () => {
      map.remove();
    };
  }, [lat, lon, tileUrl]);

  return (
    <div className="relative h-40 w-full">
      <div ref={element} role="img" aria-label={`Map: taken at ${lat.toFixed(5)}, ${lon.toFixed(5)}`} className={`${MAP_CONTAINER_CLASS} h-full w-full`} />
      <MapOverlays attribution={attribution} tiles={tiles} />
    </div>
  );
}
