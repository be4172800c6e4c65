// Whether node-cron runs a schedule, and what it says in words: the one rule the settings form's
// preview and the settings update share, so no expression is previewed as valid and then refused.
import { validateDetailed } from "node-cron";
import { describeCron } from "~/lib/cron-text";
import { plural } from "~/lib/plural";

const FIELD_NAMES: Record<string, string> = {
  second: "second",
  minute: "minute",
  hour: "hour",
  dayOfMonth: "day of the month",
  month: "month",
  dayOfWeek: "weekday",
};

export type ScheduleCheck = { valid: true; description: string } | { valid: false; reason: string; error: string };

/** `{ valid: true, description }` ("every day at 03:00") for an expression node-cron runs, else
 *  `{ valid: false, reason, error }`: what is wrong in it ("it has 2 fields, not 5"), and the
 *  whole message a refused update gives. */
export function checkSchedule(expression: string): ScheduleCheck {
  const text = expression.trim();
  if (!text) return { valid: false, reason: "it is empty", error: "Enter a schedule, like 0 3 * * * for every day at 03:00." };
  const result = validateDetailed(text);
  if (result.valid) return { valid: true, description: describeCron(text) };
  const first = result.errors[0];
  const fields = text.split(/\s+/).length;
  const what =
    !first || first.field === "expression"
      ? /illegal characters/.test(first?.message ?? "")
        ? "it holds characters a schedule cannot"
        : `it has ${plural(fields, "field")}, not 5`
      : /impossible day/.test(first.message)
        ? `no month has that day`
        : `"${first.value}" is no ${FIELD_NAMES[first.field] ?? first.field}`;
  return { valid: false, reason: what, error: `"${text}" is not a cron expression: ${what}. Use minute hour day month weekday, like 0 3 * * *.` };
}
