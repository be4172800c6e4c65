// photos.mapPoints: every geotagged photo the caller may see, and nothing of another user's.
import superjson from "superjson";
import { beforeEach, expect, it } from "vitest";
import { handleTrpc } from "~/server/api/http/trpc";
import { createInnerTRPCContext } from "~/server/api/trpc";
import { makeTree } from "../support/library";
import { makePhoto } from "../support/photos";
import { makeUser, signedInAs, type TestUser } from "../support/users";

let lib: (rel?: string) => string;
let alice: TestUser;
const ids: Record<string, string> = {};

const at = async (rel: string, latitude: number | null, longitude: number | null, fields: Parameters<typeof makePhoto>[1] = {}) => {
  ids[rel] = (await makePhoto(lib(rel), { latitude, longitude, ...fields })).id;
};

beforeEach(async () => {
  lib = makeTree("alice/trip", "alice2", "bob");
  await at("alice/home.jpg", 52.520008123456, 13.404954987654);
  await at("alice/trip/beach.jpg", -33.8688, 151.2093);
  await at("alice/trip/pole.jpg", 90, -180);
  await at("alice/no-gps.jpg", null, null);
  await at("alice/half.jpg", 10, null);
  await at("alice/gone.jpg", 1, 1, { missingSince: new Date() });
  await at("alice/broken.jpg", 2, 2, { readError: "The file is empty." });
  await at("alice2/sibling.jpg", 3, 3);
  await at("bob/secret.jpg", 4, 4);
  alice = await makeUser({ username: "alice", scanPath: lib("alice") });
});

const sorted = (r: { points: { id: string; lat: number; lon: number }[] }) => [...r.points].sort((a, b) => a.lat - b.lat);

it("gives the caller's visible geotagged photos, rounded to 6 decimals, and nothing else", async () => {
  expect(sorted(await signedInAs(alice).photos.mapPoints())).toEqual([
    { id: ids["alice/trip/beach.jpg"], lat: -33.8688, lon: 151.2093 },
    { id: ids["alice/home.jpg"], lat: 52.520008, lon: 13.404955 },
    { id: ids["alice/trip/pole.jpg"], lat: 90, lon: -180 },
  ]);
});

it("never gives another user's photos, nor a sibling folder's; none without a folder", async () => {
  const bob = await makeUser({ username: "bob", scanPath: lib("bob") });
  expect((await signedInAs(bob).photos.mapPoints()).points).toEqual([{ id: ids["bob/secret.jpg"], lat: 4, lon: 4 }]);
  expect((await signedInAs(await makeUser({ username: "nobody" })).photos.mapPoints()).points).toEqual([]);
});

it("narrows to a folder or an album of the caller's; another user's album is NOT_FOUND", async () => {
  const me = signedInAs(alice);
  expect(sorted(await me.photos.mapPoints({ folder: "trip" })).map((p) => p.id)).toEqual([ids["alice/trip/beach.jpg"], ids["alice/trip/pole.jpg"]]);
  await expect(me.photos.mapPoints({ folder: "../bob" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  const album = await me.albums.create({ name: "Home" });
  await me.albums.addPhotos({ id: album.id, photoIds: [ids["alice/home.jpg"]!, ids["alice/no-gps.jpg"]!] });
  expect((await me.photos.mapPoints({ albumId: album.id })).points.map((p) => p.id)).toEqual([ids["alice/home.jpg"]]);
  const ben = await makeUser({ username: "ben", scanPath: lib("alice") });
  await expect(signedInAs(ben).photos.mapPoints({ albumId: album.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
});

it("goes over HTTP as superjson sends plain JSON ({ json } and no meta), read back the same by the client's superjson", async () => {
  const req = new Request(`http://folio.test/api/trpc/photos.mapPoints?input=${encodeURIComponent(JSON.stringify(superjson.serialize({})))}`);
  const res = await handleTrpc(req, async () => createInnerTRPCContext({ session: { userId: alice.id, sessionVersion: alice.sessionVersion } }));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
  expect(body.result.data.meta).toBeUndefined();
  const read = superjson.deserialize<{ points: { id: string; lat: number; lon: number }[] }>(body.result.data);
  expect(sorted(read)).toEqual(sorted(await signedInAs(alice).photos.mapPoints()));
  expect(read.points).toHaveLength(3);
});
