// Issue 13 in the browser: dates as the wall clock where a photo was taken (whatever the
// browser's zone), the file's own metadata in the viewer, file keywords kept apart from the
// user's tags and used as a filter, and the admin's full rescan. The files are a real HEIC (from
// heif-enc) and JPEGs, with metadata written by exiftool, indexed by a real scan.
import { E2E_ADMIN } from "./support/constants";
import { scanEverything } from "./support/api";
import { exiftoolWrite, writeHeic } from "../tests/support/media";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/ui";

test("the timeline and the viewer show the local time and the file's metadata; a file keyword filters", async ({ library, user, adminApi, newPage }) => {
  test.setTimeout(180_000);
  const mine = await library.photos("mine", 1, { name: () => "lake.jpg" });
  // an iPhone photo: HEVC in HEIF, taken at 00:30 on 1 August where it was taken: 22:30 UTC on
  // 31 July, 15:30 on 31 July in Los Angeles (HEIC has no IPTC: keywords in XMP)
  await writeHeic(library.path("mine/night.heic"), {
    width: 320,
    height: 240,
    color: "#203060",
    tags: {
      DateTimeOriginal: "2024:08:01 00:30:00",
      OffsetTimeOriginal: "+02:00",
      Make: "Apple",
      Model: "iPhone 13",
      "XMP-dc:Subject": ["Alps", "Zermatt"],
      "XMP-dc:Title": "Arrival",
      "XMP-dc:Description": "Just after midnight",
      "XMP-xmp:Rating": 4,
    },
  });
  await exiftoolWrite(library.path("mine/lake.jpg"), { DateTimeOriginal: "2024:07:15 12:00:00", OffsetTimeOriginal: "+02:00", "IPTC:Keywords": ["Lake"] });
  // another user's sibling folder (mine2, not inside mine) with the same keyword: never shown to lia
  const theirs = await library.photos("mine2", 1, { from: 5, name: () => "other.jpg" });
  await exiftoolWrite(library.path("mine2/other.jpg"), { DateTimeOriginal: "2024:08:01 10:00:00", "IPTC:Keywords": ["Alps", "Hidden"] });
  await user({ username: "lia", password: "lia-password", scanPath: mine });
  await user({ username: "max", password: "max-password", scanPath: theirs });
  await scanEverything(adminApi);

  const page = await newPage({ timezoneId: "America/Los_Angeles" });
  await signIn(page, "lia", "lia-password");
  const august = page.getByRole("region", { name: "August 2024" });
  await expect(august.getByRole("heading", { name: "August 2024", level: 2 })).toBeVisible();
  await expect(august.getByRole("heading", { name: "Thursday, 1 August 2024", level: 3 })).toBeVisible();
  await expect(august.getByRole("button", { name: "Open night.heic" })).toBeVisible();
  // the tile shows the HEIC's preview, decoded
  const tile = august.getByRole("img", { name: "night.heic" });
  await expect(tile).toBeVisible();
  await expect.poll(() => tile.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByRole("region", { name: "July 2024" }).getByRole("heading", { name: "Monday, 15 July 2024", level: 3 })).toBeVisible();

  await page.getByRole("button", { name: "Open night.heic" }).click();
  const viewer = page.getByRole("dialog", { name: "night.heic" });
  const preview = viewer.getByRole("img", { name: "night.heic" });
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
  const details = viewer.getByLabel("Photo details");
  await expect(details).toContainText("1 Aug 2024, 00:30 (UTC+02:00)");
  await expect(details).toContainText("Date from EXIF");
  await expect(details.getByRole("img", { name: "4 of 5 stars" })).toBeVisible();
  await expect(viewer.getByText("Arrival", { exact: true })).toBeVisible();
  await expect(viewer.getByText("Just after midnight")).toBeVisible();
  const keywords = viewer.getByRole("region", { name: "Keywords from the file" });
  await expect(keywords).toContainText("from file");
  await expect(keywords.getByRole("link")).toHaveText(["Alps", "Zermatt"]);
  // the user's own tags are apart, and empty
  await expect(viewer.getByRole("region", { name: "Tags" }).getByRole("link")).toHaveCount(0);

  await keywords.getByRole("link", { name: "Alps" }).click();
  await expect(page).toHaveURL(/\/photos\?keyword=Alps$/);
  await expect(page.getByRole("heading", { name: "Photos with the keyword “Alps”", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Open / })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Open night.heic" })).toBeVisible();

  // the Tags page lists the file keywords this user may see, apart from their own tags
  await page.getByRole("link", { name: "Tags", exact: true }).click();
  const listed = page.getByRole("list", { name: "Keywords from files" });
  await expect(listed.getByRole("link")).toHaveText([/^Alps\s*1$/, /^Lake\s*1$/, /^Zermatt\s*1$/]);
  await listed.getByRole("link", { name: /^Lake/ }).click();
  await expect(page.getByRole("button", { name: /^Open / })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Open lake.jpg" })).toBeVisible();
});

test("an admin starts a full rescan of one user's folder and of every folder, each after a confirmation", async ({ page, library, user }) => {
  const folder = await library.photos("", 2, { name: (i) => `f${i}.jpg` });
  await user({ username: "finn", password: "finn-password", scanPath: folder });
  await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await page.goto("/admin");

  const users = page.getByRole("region", { name: "Users" });
  await users.getByRole("button", { name: "Full rescan for finn" }).click();
  let dialog = page.getByRole("dialog", { name: "Full rescan of finn's folder?" });
  await expect(dialog).toContainText("re-reads the metadata of every file");
  await expect(dialog).toContainText("may take a long time");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  await users.getByRole("button", { name: "Full rescan for finn" }).click();
  await dialog.getByRole("button", { name: "Start full rescan" }).click();
  await expect(dialog).toBeHidden();
  const logs = page.getByRole("region", { name: "Worker logs" });
  const row = logs.getByRole("row").filter({ has: page.getByRole("progressbar", { name: `Progress of the scan of ${folder}` }) });
  await expect(row.first()).toContainText("full rescan");

  await logs.getByRole("button", { name: "Full rescan of every folder" }).click();
  dialog = page.getByRole("dialog", { name: "Full rescan of every folder?" });
  await expect(dialog).toContainText("may take a long time");
  await dialog.getByRole("button", { name: "Start full rescan" }).click();
  await expect(dialog).toBeHidden();
});
