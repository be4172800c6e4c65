// Which Chromium the browser tests drive: CHROMIUM_PATH, else Debian's package, else
// Playwright's own download when a machine has one. Fails with what to install.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (found) return found;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here
  }
  throw new Error(
    "The browser tests need Chromium. Install it with `apt-get install -y chromium` (Debian/Ubuntu), " +
      "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
  );
}
