// The library both sharing test files start from: alice's album "Holiday" of her two photos,
// bob with a folder of his own, carol on alice2 (a sibling folder whose name starts with
// alice's), and an admin.
import { db } from "~/server/db";
import { writeImage } from "./images";
import { makeTree } from "./library";
import { scanOnce } from "./scan";
import { makeUser, signedInAs, type TestUser } from "./users";

export type SharingLibrary = {
  lib: (rel?: string) => string;
  admin: TestUser;
  alice: TestUser;
  bob: TestUser;
  carol: TestUser;
  /** photo ids by file name: a1.jpg and trip/t1.jpg (alice's), x1.jpg (alice2), b1.jpg (bob's) */
  ids: Record<string, string>;
  /** alice's "Holiday", holding a1.jpg and t1.jpg */
  albumId: string;
};

/** Writes and scans the library above and makes its users and album: a fresh one per call. */
export async function makeSharingLibrary(): Promise<SharingLibrary> {
  const lib = makeTree("alice/trip", "alice2", "bob");
  await writeImage(lib("alice/a1.jpg"), { seed: 1 });
  await writeImage(lib("alice/trip/t1.jpg"), { seed: 2 });
  await writeImage(lib("alice2/x1.jpg"), { seed: 3 });
  await writeImage(lib("bob/b1.jpg"), { seed: 4 });
  await scanOnce(lib());
  const admin = await makeUser({ username: "admin", isAdmin: true });
  const alice = await makeUser({ username: "alice", scanPath: lib("alice") });
  const bob = await makeUser({ username: "bob", scanPath: lib("bob") });
  const carol = await makeUser({ username: "carol", scanPath: lib("alice2") });
  const ids = Object.fromEntries((await db.photo.findMany()).map((p) => [p.fileName, p.id]));
  const albumId = (await signedInAs(alice).albums.create({ name: "Holiday" })).id;
  await signedInAs(alice).albums.addPhotos({ id: albumId, photoIds: [ids["a1.jpg"]!, ids["t1.jpg"]!] });
  return { lib, admin, alice, bob, carol, ids, albumId };
}
