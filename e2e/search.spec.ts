// The search page (issue 16): the header's box opens /search?q=..., the form narrows by camera
// and by a date range, the state lives in the URL, and another user's photos never show, though
// they carry the same keyword, camera and dates.
import { exiftoolWrite } from "../tests/support/media";
import { apiSignIn, scanEverything } from "./support/api";
import { expect, test } from "./support/fixtures";

type Shot = { name: string; date: string; make: string; model: string; keyword?: string };

const MINE: Shot[] = [
  { name: "harbour.jpg", date: "2021:06:10 18:00:00", make: "Canon", model: "Canon EOS R5", keyword: "sailing" },
  { name: "garden.jpg", date: "2022:03:05 09:00:00", make: "Apple", model: "iPhone 13" },
  { name: "winter.jpg", date: "2023:01:20 14:00:00", make: "Canon", model: "Canon EOS R5" },
];
// the other user's: the same keyword, camera and dates
const THEIRS: Shot[] = [
  { name: "their-harbour.jpg", date: "2021:06:11 18:00:00", make: "Canon", model: "Canon EOS R5", keyword: "sailing" },
  { name: "their-garden.jpg", date: "2022:03:06 09:00:00", make: "Apple", model: "iPhone 13" },
];

test("search by a file keyword, a camera and a date range finds the right photos and never another user's", async ({ library, user, adminApi, newPage }) => {
  test.setTimeout(180_000);
  for (const [folder, shots] of [
    ["sam", MINE],
    ["sam2", THEIRS],
  ] as const) {
    await library.photos(folder, shots.length, {
      name: (i) => shots[i]!.name,
      exif: (i) => ({ IFD0: { Make: shots[i]!.make, Model: shots[i]!.model }, IFD2: { DateTimeOriginal: shots[i]!.date } }),
    });
    for (const s of shots) if (s.keyword) await exiftoolWrite(library.path(`${folder}/${s.name}`), { "XMP:Subject": [s.keyword] });
  }
  await user({ username: "search-sam", password: "search-sam-password", scanPath: library.path("sam") });
  await user({ username: "search-tom", password: "search-tom-password", scanPath: library.path("sam2") });
  await scanEverything(adminApi);

  const page = await newPage();
  // signed in through the API into the page's own context: the sign-in form is not what this tests
  expect(await apiSignIn(page.request, "search-sam", "search-sam-password")).toBe(true);
  await page.goto("/photos");
  const tiles = page.getByRole("button", { name: /^Open / });
  const shown = async (names: string[]) => {
    await expect(tiles).toHaveCount(names.length);
    expect((await tiles.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))).sort()).toEqual(names.map((n) => `Open ${n}`).sort());
  };

  // the header's box: a file keyword
  await page.getByRole("searchbox", { name: "Search photos" }).fill("sailing");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=sailing$/);
  await expect(page.getByRole("heading", { name: "Search", level: 1 })).toBeVisible();
  await shown(["harbour.jpg"]);

  // a camera from the list of my own cameras
  const form = page.locator("main form");
  await form.getByLabel("Search", { exact: true }).fill("");
  const camera = form.getByLabel("Camera");
  await expect(camera.locator("option")).toHaveText(["Any camera", "Apple iPhone 13 (1 photo)", "Canon EOS R5 (2 photos)"]);
  await camera.selectOption("Canon EOS R5");
  await form.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?camera=Canon\+EOS\+R5$/);
  await shown(["harbour.jpg", "winter.jpg"]);

  // a date range (local dates, both days included), the camera back to any
  await camera.selectOption("");
  await form.getByLabel("Taken from").fill("2022-03-05");
  await form.getByLabel("Taken until").fill("2023-01-20");
  await form.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?from=2022-03-05&to=2023-01-20$/);
  await shown(["garden.jpg", "winter.jpg"]);

  // the URL is the state: a reload shows the same, Back the search before
  await page.reload();
  await expect(form.getByLabel("Taken from")).toHaveValue("2022-03-05");
  await shown(["garden.jpg", "winter.jpg"]);
  await page.goBack();
  await expect(page).toHaveURL(/camera=Canon/);
  await expect(camera).toHaveValue("Canon EOS R5");
  await shown(["harbour.jpg", "winter.jpg"]);

  // an end before the start is refused by the form, with words
  await form.getByLabel("Taken from").fill("2023-01-01");
  await form.getByLabel("Taken until").fill("2022-01-01");
  await form.getByRole("button", { name: "Search" }).click();
  await expect(form.getByText("The end date is before the start date.")).toBeVisible();

  // nothing found, and nothing asked: each says what to try
  await page.goto("/search?q=nothing-like-this");
  await expect(page.getByRole("heading", { name: "No photos match" })).toBeVisible();
  await page.getByRole("button", { name: "Clear everything" }).click();
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByRole("heading", { name: "Search your photos" })).toBeVisible();
  await expect(tiles).toHaveCount(0);
});
