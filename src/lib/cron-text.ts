// A plain-language reading of the common cron expressions, for the schedule preview.
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : null);
const pad = (n: number) => String(n).padStart(2, "0");

export function describeCron(expression: string): string {
  const parts = expression.trim().split(/\s+/);
  if (parts.length === 6) {
    if (parts.every((p) => p === "*")) return "every second";
    const every = /^\*\/(\d+)$/.exec(parts[0]!);
    if (every && parts.slice(1).every((p) => p === "*")) return `every ${every[1]} seconds`;
    if (parts[0] !== "0") return `custom schedule (${expression.trim()})`;
    parts.shift();
  }
  if (parts.length !== 5) return `custom schedule (${expression.trim()})`;
  const [min, hour, dom, mon, dow] = parts as [string, string, string, string, string];
  const m = num(min);
  const h = num(hour);
  const everyMin = /^\*\/(\d+)$/.exec(min);
  if (everyMin && hour === "*" && dom === "*" && mon === "*" && dow === "*") return `every ${everyMin[1]} minutes`;
  if (min === "*" && hour === "*" && dom === "*" && mon === "*" && dow === "*") return "every minute";
  if (m !== null && hour === "*" && dom === "*" && mon === "*" && dow === "*") return `every hour at minute ${m}`;
  const everyHour = /^\*\/(\d+)$/.exec(hour);
  if (m !== null && everyHour && dom === "*" && mon === "*" && dow === "*") return `every ${everyHour[1]} hours at minute ${m}`;
  if (m === null || h === null || mon !== "*") return `custom schedule (${expression.trim()})`;
  const at = `at ${pad(h)}:${pad(m)}`;
  if (dom === "*" && dow === "*") return `every day ${at}`;
  if (dom === "*" && /^[0-7]$/.test(dow)) return `every ${DAYS[Number(dow) % 7]} ${at}`;
  if (dom === "*" && dow === "1-5") return `every weekday ${at}`;
  if (num(dom) !== null && dow === "*") return `on day ${dom} of every month ${at}`;
  return `custom schedule (${expression.trim()})`;
}
