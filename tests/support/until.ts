// Polling, for the Vitest and the Playwright tests alike.

type Truthy<T> = Exclude<T, false | 0 | "" | null | undefined>;

/**
 * Calls `fn` every `intervalMs` until it returns a truthy value, and resolves with that value.
 * After `timeoutMs` it throws "timed out after N ms waiting for <message>" (`message` may be a
 * function, read at that moment, to tell the state it gave up in). An error thrown by `fn` ends
 * the wait at once.
 */
export async function until<T>(
  fn: () => T | Promise<T>,
  opts: { timeoutMs?: number; intervalMs?: number; message?: string | (() => string) } = {},
): Promise<Truthy<T>> {
  const { timeoutMs = 20_000, intervalMs = 100, message = "a truthy value" } = opts;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof message === "function" ? message() : message}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
