// The timeline as a spec reads it: only the rows near the screen are in the DOM, so seeing every
// photo means scrolling through it.
import { expect, type Locator, type Page } from "@playwright/test";

/** Whether a grey placeholder (a month still to load) is in the DOM: on screen or near it,
 *  where the timeline loads months. */
const placeholderNear = (page: Page) => page.evaluate(() => [...document.querySelectorAll("[data-placeholder]")].some((el) => el.getBoundingClientRect().height > 1));

/**
 * Scrolls the window from the top to the end of the page, `screens` of its height at a time,
 * waiting at each step for the months near the screen to load. Answers the names of the photos whose
 * tiles were in the DOM at some step ("Open <name>" buttons) and the most elements the page held.
 */
export async function scrollThroughTimeline(page: Page, screens = 0.8): Promise<{ seen: Set<string>; mostElements: number }> {
  const seen = new Set<string>();
  let mostElements = 0;
  await page.evaluate(async () => {
    window.scrollTo(0, 0);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  for (let step = 0; step < 2000; step++) {
    // every row near the screen loaded before moving on, so the next step starts on known rows
    await expect.poll(() => placeholderNear(page), { timeout: 30_000 }).toBe(false);
    const { elements, names } = await page.evaluate(() => ({
      elements: document.getElementsByTagName("*").length,
      names: [...document.querySelectorAll("button[aria-label^='Open ']")].map((b) => b.getAttribute("aria-label")!.slice("Open ".length)),
    }));
    mostElements = Math.max(mostElements, elements);
    for (const name of names) seen.add(name);
    const end = await page.evaluate(async (by) => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight * by);
      // the grid renders the rows of the new place at the next frames
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return window.scrollY === before;
    }, screens);
    if (end) break;
  }
  return { seen, mostElements };
}

/** The names of the photos seen scrolling through the timeline (scrollThroughTimeline). */
export const photosSeenScrolling = async (page: Page) => (await scrollThroughTimeline(page)).seen;

/** Scrolls down half a screen at a time until `target` is in the DOM (rows far from the screen
 *  are not), then brings it on screen. */
export async function scrollTo(page: Page, target: Locator) {
  for (let step = 0; step < 400 && !(await target.count()); step++) {
    await page.evaluate(async () => {
      window.scrollBy(0, window.innerHeight / 2);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
  }
  await target.scrollIntoViewIfNeeded();
}
