// Every raw statement of src/server/db, written out for both engines, so a change to the SQL
// shows in review as a change to these files. `npx vitest run -u` rewrites them after a
// deliberate change; CI fails on any difference.
import { describe, expect, it } from "vitest";
import type { Dialect, Statement } from "~/server/db/dialect";
import { folderChildrenStatement, folderTotalStatement } from "~/server/db/folder-children";
import { folderSummaryStatements, folderSummaryStatementsFor, summaryVersionBump } from "~/server/db/folder-summary";
import { appliedMigrationsStatement, prepareStatements, statisticsStatements } from "~/server/db/maintenance";
import { timelineStatement } from "~/server/db/timeline";
import { timelineBucketsStatement } from "~/server/db/timeline-buckets";
import { termCountsStatement } from "~/server/db/search";
import { commonWordsStatement, libraryCountsStatement } from "~/server/db/search-statistics";
import { mapPointsStatement } from "~/server/db/map-points";
import {
  countPendingStatement,
  peopleCountsStatement,
  pendingContentsStatement,
  personVisibleStatement,
  unplacedFacesStatement,
  visibleFaceIdsStatement,
} from "~/server/db/faces";

const viewer = { id: "user-1", scanPaths: ["/library/family"] };

const statements: Record<string, (d: Dialect) => Statement[]> = {
  "timeline-first-page": (d) => [timelineStatement(d, viewer, {}, 60)],
  "timeline-every-filter": (d) => [
    timelineStatement(d, viewer, { folder: "/library/family/2023", favorite: true, albumId: "album-1", tag: "beach", keyword: "Alps", cursor: "photo-9" }, 60),
  ],
  "timeline-month": (d) => [
    timelineStatement(d, viewer, { month: "2023-06", cursor: "photo-9" }, 60),
    timelineStatement(d, viewer, { month: "undated" }, 60),
  ],
  "timeline-search-filters": (d) => [
    timelineStatement(
      d,
      viewer,
      {
        from: "2023-01-01",
        before: "2024-01-01",
        mediaType: "video",
        minRating: 3,
        hasLocation: true,
        cameras: [{ make: "Canon", model: "Canon EOS 5D" }, { make: null, model: "X100" }],
        bounds: { south: 40, west: 170, north: 50, east: -170 },
      },
      60,
    ),
  ],
  "search-page": (d) => [
    timelineStatement(d, viewer, { search: { terms: ["beach", "2023"], collect: true }, cursor: "photo-9" }, 60),
    timelineStatement(d, viewer, { search: { terms: ["beach", "2023"], collect: false } }, 60),
    termCountsStatement(d, viewer, ["beach", "2023"]),
    libraryCountsStatement(d, viewer),
    ...(d === "postgresql" ? [commonWordsStatement] : []),
  ],
  // issue 19: what a faces job analyses, a user's unplaced faces, people counts, checks and the person filter
  faces: (d) => [
    pendingContentsStatement(d, "/library/family", 2, "", 200),
    countPendingStatement(d, "/library/family", 2),
    unplacedFacesStatement(d, viewer, "", 500),
    peopleCountsStatement(d, viewer),
    peopleCountsStatement(d, viewer, "person-1"),
    visibleFaceIdsStatement(d, viewer, ["face-1", "face-2"]),
    personVisibleStatement(d, viewer, "person-1"),
    timelineStatement(d, viewer, { personId: "person-1" }, 60),
  ],
  "map-points": (d) => [mapPointsStatement(d, viewer, {}), mapPointsStatement(d, viewer, { albumId: "album-1" })],
  "timeline-buckets": (d) => [timelineBucketsStatement(d, viewer, {}), timelineBucketsStatement(d, viewer, { folder: "/library/family/2023", favorite: true })],
  // a user with several scan folders (issue 17): one path range per folder, OR-ed
  "timeline-several-folders": (d) => {
    const two = { id: "user-3", scanPaths: ["/library/family", "/library/trips"] };
    return [timelineStatement(d, two, { cursor: "photo-9" }, 60), timelineBucketsStatement(d, two, {}), libraryCountsStatement(d, two)];
  },
  "timeline-no-scan-path": (d) => [timelineStatement(d, { id: "user-2", scanPaths: [] }, {}, 60)],
  "folder-summary-refresh": (d) => folderSummaryStatements(d, "/library/family"),
  "folder-children": (d) => [folderChildrenStatement(d, "/library/family")],
  "folder-total": (d) => [folderTotalStatement(d, "/library/family")],
  "folder-summary-refresh-of": (d) => folderSummaryStatementsFor(d, ["/library/family/2024", "/library/family/2024/june"]),
  "folder-summary-version-bump": () => [summaryVersionBump],
  "planner-statistics": (d) => statisticsStatements(d),
  "prepare-database": (d) => [...prepareStatements(d, "web"), ...prepareStatements(d, "worker")],
  "applied-migrations": () => [appliedMigrationsStatement],
};

/** One file per statement group and engine: each statement, then its values as a comment. */
const render = (list: Statement[]) =>
  list.map((s) => `${s.sql.replace(/\n {4}/g, "\n")};\n-- values: ${JSON.stringify(s.params)}\n`).join("\n");

describe.each(["sqlite", "postgresql"] as const)("raw SQL on %s", (dialect) => {
  it.each(Object.keys(statements))("%s", async (name) => {
    await expect(render(statements[name]!(dialect))).toMatchFileSnapshot(`__snapshots__/sql/${name}.${dialect}.sql`);
  });
});
