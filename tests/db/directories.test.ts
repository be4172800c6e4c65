import { beforeEach, describe, expect, it } from "vitest";
import { libraryRoot, makeTree, outsideFolder, symlink } from "../support/library";
import { makeUser, signedInAs, type TestUser } from "../support/users";

let admin: TestUser;
let dir: (rel?: string) => string;

beforeEach(async () => {
  admin = await makeUser({ isAdmin: true });
  dir = makeTree("banana", "Apple", "cherry/inner", ".hidden", "Äpfel", "photo.jpg", "item10", "item9");
});

describe("admin.directories.list", () => {
  it("lists subfolders only, sorted ignoring case, hidden ones left out", async () => {
    const listing = await signedInAs(admin).admin.directories.list({ path: dir() });
    expect(listing.entries.map((e) => e.name)).toEqual(["Äpfel", "Apple", "banana", "cherry", "item9", "item10"]);
    expect(listing.entries[0]).toEqual({ name: "Äpfel", path: dir("Äpfel") });
    expect(listing.parent).toBe(libraryRoot());
  });

  it("starts at the library root, which has no parent", async () => {
    const listing = await signedInAs(admin).admin.directories.list();
    expect(listing.path).toBe(libraryRoot());
    expect(listing.parent).toBeNull();
    expect(listing.entries.map((e) => e.path)).toContain(dir());
  });

  it("refuses paths outside the root, also through .. and symlinks", async () => {
    const outside = outsideFolder();
    const link = symlink(dir("out"), outside);
    for (const path of [outside, `${libraryRoot()}/..`, `${dir()}/../../`, link, "relative/path"]) {
      const err = await signedInAs(admin).admin.directories.list({ path }).catch((e: unknown) => e);
      expect(err, path).toMatchObject({ code: "BAD_REQUEST" });
    }
    // the escaping link is not offered either; one that stays inside is
    symlink(dir("inside"), dir("cherry"));
    const names = (await signedInAs(admin).admin.directories.list({ path: dir() })).entries.map((e) => e.name);
    expect(names).toContain("inside");
    expect(names).not.toContain("out");
  });

  it("says which path does not exist", async () => {
    const missing = dir("nope");
    const err = await signedInAs(admin).admin.directories.list({ path: missing }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST", message: `${missing} does not exist.` });
  });
});
