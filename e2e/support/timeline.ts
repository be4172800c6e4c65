// The timeline as a spec reads it: only the rows near the screen are in the DOM, so seeing every
// photo means scrolling through it.
import { expect, type Page } from "@playwright/test";

/** Scrolls the window from the top to the end of the page a screen at a time and returns the
 *  names of the photos whose tiles were in the DOM at some step ("Open <name>" buttons). */
export async function photosSeenScrolling(page: Page): Promise<Set<string>> {
  const seen = new Set<string>();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let step = 0; step < 500; step++) {
    // the months near the screen load; wait until no grey placeholder is on screen
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll("[data-placeholder]")].some((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight && r.height > 1;
    }))).toBe(false);
    for (const label of await page.getByRole("button", { name: /^Open / }).evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")!))) seen.add(label.slice("Open ".length));
    const end = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight * 0.8);
      return window.scrollY === before;
    });
    if (end) break;
  }
  return seen;
}
