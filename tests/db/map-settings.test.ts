// The map's settings (issue 16): what every signed-in user reads through maps.settings, what
// only an admin may change through admin.settings.update, the refusal of a tile URL Leaflet or
// the page policy could not use, and the tile origin this process's proxy puts into img-src.
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { mapImageSources, setMapImageSources } from "~/lib/map-image-sources";
import { DEFAULT_MAP_ATTRIBUTION, DEFAULT_MAP_TILE_URL } from "~/lib/map-tiles";
import { db } from "~/server/db";
import { followMapSettings } from "~/server/services/maps";
import { trpcMutation } from "../support/http";
import { until } from "../support/until";
import { anonymous, makeUser, signedInAs } from "../support/users";

const LOCAL_TILES = "http://127.0.0.1:8199/tiles/{z}/{x}/{y}.png";

afterEach(() => setMapImageSources([]));

describe("map settings", () => {
  it("default to OpenStreetMap's public tiles, on, for every signed-in user and nobody else", async () => {
    const bob = await makeUser();
    expect(await signedInAs(bob).maps.settings()).toEqual({ enabled: true, tileUrl: DEFAULT_MAP_TILE_URL, attribution: DEFAULT_MAP_ATTRIBUTION });
    expect(DEFAULT_MAP_TILE_URL).toBe("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    await expect(anonymous().maps.settings()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("are changed by an admin only, audited, and read back by every user", async () => {
    const admin = await makeUser({ isAdmin: true });
    const bob = await makeUser();
    const change = { mapsEnabled: false, mapTileUrl: LOCAL_TILES, mapAttribution: "Tiles by <a href='https://example.org'>Example</a>" };
    await expect(signedInAs(bob).admin.settings.update(change)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(anonymous().admin.settings.update(change)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await signedInAs(bob).maps.settings()).toMatchObject({ enabled: true, tileUrl: DEFAULT_MAP_TILE_URL });

    const saved = await signedInAs(admin).admin.settings.update(change);
    expect(saved).toMatchObject(change);
    expect(await signedInAs(admin).admin.settings.get()).toMatchObject(change);
    expect(await signedInAs(bob).maps.settings()).toEqual({ enabled: false, tileUrl: LOCAL_TILES, attribution: change.mapAttribution });
    const actions = (await db.auditEvent.findMany({ where: { actorId: admin.id }, orderBy: { action: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["settings.map_tiles_changed", "settings.maps_disabled"]);

    // resetting to the defaults is one update with the defaults
    await signedInAs(admin).admin.settings.update({ mapsEnabled: true, mapTileUrl: DEFAULT_MAP_TILE_URL, mapAttribution: DEFAULT_MAP_ATTRIBUTION });
    expect(await signedInAs(bob).maps.settings()).toEqual({ enabled: true, tileUrl: DEFAULT_MAP_TILE_URL, attribution: DEFAULT_MAP_ATTRIBUTION });
  });

  it("refuse a tile URL the map could not use, saying what to fix, and keep the old one", async () => {
    const admin = await makeUser({ isAdmin: true });
    const as = signedInAs(admin);
    const session = { userId: admin.id, sessionVersion: admin.sessionVersion };
    const cases: [string, RegExp][] = [
      ["tile.openstreetmap.org/{z}/{x}/{y}.png", /Enter a tile URL starting with https:\/\/ or http:\/\//],
      ["https://tiles.example.org/{x}/{y}.png", /The tile URL must hold \{z\}, \{x\} and \{y\}.*\{z\} missing/],
      ["https://tiles.example.org/{z}/{x}/{y}.png?key={key}", /remove \{key\}/],
      ["https://tiles.example.org/{z}/{x}/{y}.png; img-src *", /semicolons/],
    ];
    for (const [mapTileUrl, message] of cases) {
      // through the HTTP adapter, as the admin's form sees it: the message and the field's error
      const res = await trpcMutation("admin.settings.update", { mapTileUrl }, session);
      expect(res.status, mapTileUrl).toBe(400);
      expect(res.error?.message, mapTileUrl).toMatch(/^Please fix: mapTileUrl: /);
      expect(res.error?.message, mapTileUrl).toMatch(message);
      expect(res.error?.data.fieldErrors?.mapTileUrl?.[0], mapTileUrl).toMatch(message);
    }
    const long = await trpcMutation("admin.settings.update", { mapAttribution: "x".repeat(1001) }, session);
    expect(long.error?.data.fieldErrors?.mapAttribution).toEqual(["The attribution must be at most 1000 characters."]);
    expect(await as.maps.settings()).toMatchObject({ tileUrl: DEFAULT_MAP_TILE_URL, attribution: DEFAULT_MAP_ATTRIBUTION });
  });

  it("put the tile origin into this process's page policy at once, and none while maps are off", async () => {
    const admin = await makeUser({ isAdmin: true });
    const as = signedInAs(admin);
    await as.admin.settings.update({ mapTileUrl: LOCAL_TILES });
    expect(mapImageSources()).toEqual(["http://127.0.0.1:8199"]);
    await as.admin.settings.update({ mapTileUrl: "https://{s}.tiles.example.org/{z}/{x}/{y}{r}.png" });
    expect(mapImageSources()).toEqual(["https://*.tiles.example.org"]);
    await as.admin.settings.update({ mapsEnabled: false });
    expect(mapImageSources()).toEqual([]);
  });

  it("follow a change another process wrote to the database within the refresh time", async () => {
    const stop = await followMapSettings(() => {});
    onTestFinished(stop);
    expect(mapImageSources()).toEqual(["https://tile.openstreetmap.org"]);
    // another web process on the same database: only the row changes here
    await db.siteSettings.update({ where: { id: 1 }, data: { mapTileUrl: LOCAL_TILES } });
    const started = Date.now();
    await until(() => mapImageSources()[0] === "http://127.0.0.1:8199", { timeoutMs: 8_000 });
    expect(Date.now() - started).toBeLessThan(6_000);
    await db.siteSettings.update({ where: { id: 1 }, data: { mapsEnabled: false } });
    await until(() => mapImageSources().length === 0, { timeoutMs: 8_000 });
  });
});
