// The scan schedule's check (issue 15, item 12g): an expression node-cron would refuse is never
// previewed as a schedule; the preview and the update apply one rule.
import cron from "node-cron";
import { describe, expect, it } from "vitest";
import { checkSchedule } from "~/server/jobs/schedule-check";

describe("checkSchedule", () => {
  it.each([
    ["0 3 * * *", "every day at 03:00"],
    ["30 2 * * 1", "every Monday at 02:30"],
    ["*/15 * * * *", "every 15 minutes"],
    ["0 4 * * 1-5", "every weekday at 04:00"],
    ["0 0 1 * *", "on day 1 of every month at 00:00"],
    ["* * * * * *", "every second"],
    ["0 0 1 1 *", "custom schedule (0 0 1 1 *)"],
    ["0 3 * * mon", "custom schedule (0 3 * * mon)"],
  ])("previews %s as %s", (expression, description) => {
    expect(checkSchedule(expression)).toEqual({ valid: true, description });
  });

  it.each([
    ["every night", /it has 2 fields, not 5/],
    ["61 3 * * *", /"61" is no minute/],
    ["0 24 * * *", /"24" is no hour/],
    ["0 3 32 * *", /"32" is no day of the month/],
    ["0 3 * 13 *", /"13" is no month/],
    ["0 3 * * 8", /"8" is no weekday/],
    ["0 3 31 2 *", /no month has that day/],
    ["0 3 * *", /it has 4 fields, not 5/],
    ["0 3 * * * * *", /it has 7 fields, not 5/],
    ["0 3 * * $", /characters a schedule cannot/],
    ["   ", /it is empty/],
  ])("refuses %s, saying why, with no preview", (expression, reason) => {
    const check = checkSchedule(expression);
    expect(check.valid).toBe(false);
    if (check.valid) return;
    expect(check.reason).toMatch(reason);
    expect(check).not.toHaveProperty("description");
  });

  it("agrees with node-cron, which runs the schedule", () => {
    const expressions = ["0 3 * * *", "*/5 * * * *", "0 0 29 2 *", "0 3 * * 7", "0 3 * * 0-6", "0 3 1,15 * *", "0 3 * jan-mar *", "61 * * * *", "a b c d e", "0 3 * * * *", "1-70 * * * *", "*/0 * * * *", "0 3 L * *"];
    for (const e of expressions) expect(checkSchedule(e).valid, e).toBe(cron.validate(e));
  });
});
