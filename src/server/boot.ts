// Runs once per server process before it serves (see src/instrumentation.ts).
import { env } from "~/env";
import { prepareDatabase } from "~/server/db/maintenance";
import { applyEnvAdmin, describeEnvAdminOutcome } from "~/server/services/env-admin";
import { followMapSettings } from "~/server/services/maps";
import { backfillSearchWords } from "~/server/services/search";
import { needsSetup } from "~/server/services/setup";
import { startScheduler } from "~/server/jobs/scheduler";
import { startWorkerProcess } from "~/server/jobs/worker-process";
import { processRoles } from "~/server/jobs/roles";
import { errorLine } from "~/lib/error-text";
import { plural } from "~/lib/plural";

const log = (message: string) => console.log(`[folio] ${message}`);
const state = globalThis as unknown as { __folioBooted?: boolean };

export async function onServerStart() {
  if (state.__folioBooted) return;
  state.__folioBooted = true;
  await prepareDatabase("web");
  // the tile origin the proxy puts into the pages' policy, kept fresh from the database
  await followMapSettings(log);
  if (env.ADMIN_USERNAME && env.ADMIN_PASSWORD) {
    try {
      const outcome = await applyEnvAdmin({
        username: env.ADMIN_USERNAME,
        password: env.ADMIN_PASSWORD,
        email: env.ADMIN_EMAIL,
      });
      log(describeEnvAdminOutcome(env.ADMIN_USERNAME, outcome));
    } catch (e) {
      log(`could not apply ADMIN_USERNAME '${env.ADMIN_USERNAME}': ${errorLine(e)}`);
    }
  } else if (await needsSetup()) {
    log(`no users yet: open ${env.NEXTAUTH_URL}/setup to create the first admin`);
  }
  if (env.SCAN_WORKER === "on") processRoles.worker = startWorkerProcess(log);
  if (env.SCHEDULER === "on") processRoles.scheduler = startScheduler(log);
  log(`scan worker ${env.SCAN_WORKER}, scheduler ${env.SCHEDULER}`);
  // rows indexed before search existed get their words; requests are served meanwhile
  void backfillSearchWords().then(
    ({ photos, users }) => {
      if (photos || users) log(`search words written for ${plural(photos, "photo")} and ${plural(users, "user")} indexed before search existed`);
    },
    (e: unknown) => log(`could not write the search words of older photos: ${errorLine(e)}`),
  );
}
