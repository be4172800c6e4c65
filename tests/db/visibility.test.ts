import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { photosUnder, visibleTo } from "~/server/db/visibility";
import { makePhoto } from "../support/photos";

const dirs = ["/lib/a_b", "/lib/a_b/sub", "/lib/axb", "/lib/a%b", "/lib/A_B", "/lib/a_b2", "/lib/a_b0", "/lib/a_b.x", "/lib/a_bé/z", "/lib"];

describe("which photos a folder holds", () => {
  it("matches on path boundaries, case and byte exact, with % and _ taken literally", async () => {
    for (const [i, dir] of dirs.entries()) await makePhoto(`${dir}/p${i}.jpg`);
    const inside = async (dir: string) =>
      (await db.photo.findMany({ where: photosUnder(dir), select: { directory: true } })).map((p) => p.directory).sort();
    expect(await inside("/lib/a_b")).toEqual(["/lib/a_b", "/lib/a_b/sub"]);
    expect(await inside("/lib/a_b/")).toEqual(["/lib/a_b", "/lib/a_b/sub"]);
    expect(await inside("/lib/a%b")).toEqual(["/lib/a%b"]);
    expect(await inside("/lib/A_B")).toEqual(["/lib/A_B"]);
    expect(await inside("/lib/a_b/sub")).toEqual(["/lib/a_b/sub"]);
    expect((await inside("/lib")).length).toBe(dirs.length);

    await db.photo.updateMany({ where: { directory: "/lib/a_b/sub" }, data: { missingSince: new Date() } });
    expect(await db.photo.count({ where: visibleTo({ id: "", scanPaths: ["/lib/a_b"] }) })).toBe(1);
  });
});
