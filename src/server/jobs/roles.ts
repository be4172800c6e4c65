// What this process runs besides serving, for /api/health. On globalThis: instrumentation and
// the route handlers are separate bundles with their own module instances.
import type { Scheduler } from "./scheduler";
import type { WorkerProcess } from "./worker-process";

type Roles = { worker: WorkerProcess | null; scheduler: Scheduler | null };
const holder = globalThis as unknown as { __folioRoles?: Roles };
export const processRoles: Roles = (holder.__folioRoles ??= { worker: null, scheduler: null });
