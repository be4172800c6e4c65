// Faces and people (issue 19): after a scan the faces job finds the faces in a user's photos and
// gathers one person's faces, wherever they are, into one person; the user names them on the
// person's page, finds their photos by that name in search, sees the name on the face in the
// viewer's info panel, takes a face out of the person and merges it back.
import path from "node:path";
import sharp from "sharp";
import type { Page } from "@playwright/test";
import { apiSignIn, dataOf, scanEverything, trpcQuery } from "./support/api";
import { expect, test } from "./support/fixtures";

// read where the devDependency installed it, never copied into the repository: three women on a
// sofa, the one on the right facing the camera
const GROUP = path.resolve("node_modules/@vladmandic/face-api/demo/sample2.jpg");
/** The woman on the right, alone (the group photo is 1920 x 1367). */
const RIGHT_WOMAN = { left: 1180, top: 0, width: 740, height: 900 };

type Person = { id: string; name: string; faceCount: number; coverFaceId: string; hidden: boolean };
type Face = { id: string; box: { x: number; y: number; width: number; height: number }; personId: string | null; personName: string | null };
type Job = { type: string; status: string; error: string | null };

const taken = (day: number) => ({ IFD2: { DateTimeOriginal: `2024:05:0${day} 12:00:00` } });

/** Checks that the photos shown are exactly `names` ("Open <name>" tiles). */
async function expectTiles(page: Page, names: string[]) {
  const tiles = page.getByRole("button", { name: /^Open / });
  await expect(tiles).toHaveCount(names.length);
  expect((await tiles.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))).sort()).toEqual(names.map((n) => `Open ${n}`).sort());
}

test("the faces job gathers a person's faces; named on their page, search finds them by name and the viewer shows it", async ({ library, user, adminApi, signedInApi, newPage }) => {
  test.setTimeout(300_000);
  const dir = library.folder("pat");
  await sharp(GROUP).withExif(taken(1)).jpeg({ quality: 90 }).toFile(path.join(dir, "group.jpg"));
  await sharp(GROUP).extract(RIGHT_WOMAN).withExif(taken(2)).jpeg({ quality: 90 }).toFile(path.join(dir, "alone.jpg"));
  // a photo without her (without anyone)
  await library.photos("pat", 1, { name: () => "wall.jpg", exif: () => taken(3) });
  await user({ username: "people-pat", password: "people-pat-password", scanPath: dir });
  // the scan queues the faces job, waited for below (the worker loads the face model first)
  await scanEverything(adminApi, 180_000);

  const api = await signedInApi("people-pat", "people-pat-password");
  // her folder's faces job ran, and succeeded
  await expect
    .poll(
      async () => {
        const jobs = dataOf<{ items: Job[] }>(await trpcQuery(api, "jobs.list")).items.filter((j) => j.type === "faces");
        const failed = jobs.find((j) => j.status === "failed");
        if (failed) throw new Error(`the faces job failed: ${failed.error}`);
        return jobs.length > 0 && jobs.every((j) => j.status === "succeeded");
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe(true);

  const photos = dataOf<{ items: { id: string; fileName: string }[] }>(await trpcQuery(api, "photos.list", {})).items;
  const idOf = (name: string) => photos.find((p) => p.fileName === name)!.id;
  const facesOf = async (name: string) => dataOf<{ faces: Face[] }>(await trpcQuery(api, "photos.get", { id: idOf(name) })).faces;
  const group = await facesOf("group.jpg");
  const alone = await facesOf("alone.jpg");
  // the woman in the middle looks down behind her hair: a detector may well miss her
  expect(group.length).toBeGreaterThanOrEqual(2);
  const others = (n: number) => Array.from({ length: n }, () => "Add a name");
  expect(await facesOf("wall.jpg")).toHaveLength(0);
  // her face in the photo of her alone (the biggest one, should more be found at its edges)
  const hers = alone.reduce((a, b) => (b.box.width > a.box.width ? b : a));
  const personId = hers.personId!;
  expect(personId).toBeTruthy();
  // the same person as the rightmost face of the group photo (faces come left to right)
  expect(group.at(-1)!.personId).toBe(personId);
  const people = dataOf<Person[]>(await trpcQuery(api, "people.list"));
  expect(people.find((p) => p.id === personId)).toMatchObject({ name: "", faceCount: 2 });

  const page = await newPage();
  expect(await apiSignIn(page.request, "people-pat", "people-pat-password")).toBe(true);
  await page.goto("/photos");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page).toHaveURL(/\/people$/);
  await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
  await expect(page.locator("main li a[href^='/people/']")).toHaveCount(people.length);
  const card = page.locator(`a[href="/people/${personId}"]`);
  await expect(card).toContainText("Add a name");
  await expect(card).toContainText("2 faces");

  // her page: the name is edited in place; Escape leaves it as it was, Enter saves
  await card.click();
  await expect(page).toHaveURL(new RegExp(`/people/${personId}$`));
  await expectTiles(page, ["group.jpg", "alone.jpg"]);
  const heading = page.getByRole("heading", { level: 1 });
  await heading.getByRole("button", { name: "Add a name" }).click();
  const nameField = page.getByLabel("Name of this person");
  await nameField.fill("Someone else");
  await nameField.press("Escape");
  await expect(heading.getByRole("button", { name: "Add a name" })).toBeVisible();
  await heading.getByRole("button", { name: "Add a name" }).click();
  await nameField.fill("Ada Lovelace");
  await nameField.press("Enter");
  await expect(heading).toHaveText("Ada Lovelace");
  await expect(page.getByText("2 faces")).toBeVisible();

  // search finds her photos by the name given, not the photo without her
  await page.getByRole("searchbox", { name: "Search photos" }).fill("lovelace");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=lovelace$/);
  await expectTiles(page, ["group.jpg", "alone.jpg"]);

  // the viewer's info panel names her face; pointing at it outlines it on the photo
  await page.getByRole("button", { name: "Open group.jpg" }).click();
  const viewer = page.getByRole("dialog", { name: "group.jpg" });
  const faces = viewer.getByRole("complementary", { name: "Info" }).getByRole("region", { name: "People" });
  await expect(faces.getByRole("button")).toHaveText([...others(group.length - 1), "Ada Lovelace"]);
  await expect(viewer.getByTestId("face-outline")).toHaveCount(0);
  await faces.getByRole("button", { name: "Ada Lovelace" }).hover();
  await expect(viewer.getByTestId("face-outline")).toBeVisible();

  // another face named from the viewer
  await faces.getByRole("button", { name: "Add a name" }).first().click();
  await viewer.getByLabel("Name of this person").fill("Grace Hopper");
  await viewer.getByLabel("Name of this person").press("Enter");
  await expect(faces.getByRole("button", { name: "Grace Hopper" })).toBeVisible();

  // "Not this person": the face leaves her, a person of its own
  await faces.getByRole("button", { name: "Ada Lovelace" }).click();
  await expect(viewer.getByLabel("Name of this person")).toHaveValue("Ada Lovelace");
  await viewer.getByRole("button", { name: "Not this person" }).click();
  await expect(faces.getByRole("button")).toHaveText(["Grace Hopper", ...others(group.length - 1)]);
  expect(dataOf<Person>(await trpcQuery(api, "people.get", { personId })).faceCount).toBe(1);

  // ...and merged back into her from its own page
  await faces.getByRole("button", { name: "Add a name" }).last().click();
  await viewer.getByRole("link", { name: "All photos of this person" }).click();
  await expect(page).toHaveURL(/\/people\/[^/]+$/);
  await expectTiles(page, ["group.jpg"]);
  await page.getByRole("button", { name: "Merge into…" }).click();
  const merge = page.getByRole("dialog", { name: "Merge this person into…" });
  await merge.locator("label").filter({ hasText: "Ada Lovelace" }).click();
  await expect(merge.getByRole("radio", { name: /Ada Lovelace/ })).toBeChecked();
  await expect(merge).toContainText("The face of this person moves to Ada Lovelace, and this person is gone from your people.");
  await expect(merge).toContainText("This cannot be undone, except by moving the faces back one by one");
  await merge.getByRole("button", { name: "Merge" }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${personId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ada Lovelace");
  await expect(page.getByText("2 faces")).toBeVisible();
  await expectTiles(page, ["group.jpg", "alone.jpg"]);

  // a name she already has, given in the viewer to another face (spaces and case aside), asks
  // first; "Merge" moves that face into her
  await page.getByRole("button", { name: "Open group.jpg" }).click();
  await faces.getByRole("button", { name: "Grace Hopper" }).click();
  await viewer.getByLabel("Name of this person").fill(" ada LOVELACE ");
  await viewer.getByLabel("Name of this person").press("Enter");
  await expect(viewer.getByRole("alert")).toHaveText("You already have a person named Ada Lovelace. Merge these faces into Ada Lovelace?");
  await viewer.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(faces.getByRole("button")).toHaveText(["Ada Lovelace", ...others(group.length - 2), "Ada Lovelace"]);
  expect(dataOf<Person>(await trpcQuery(api, "people.get", { personId })).faceCount).toBe(3);
});
