// Which layer may import which: the table in docs/ARCHITECTURE.md, enforced. `npm test` runs
// `npm run lint:layers`; a wrong import fails it with the rule's name and comment.
const web = "^node_modules/(next|next-auth|react|react-dom|@trpc|@tanstack)/";
const server = (...layers) => `^src/server/(${layers.join("|")})/`;

/** `from` may not import any of `to` (type-only imports included unless `typesAllowed`). */
const forbid = (name, comment, from, to, { typesAllowed = false, pathNot } = {}) => ({
  name,
  comment,
  severity: "error",
  from: { path: from, ...(pathNot ? { pathNot } : {}) },
  to: { path: to, ...(typesAllowed ? { dependencyTypesNot: ["type-only"] } : {}) },
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Modules that import each other (type-only imports aside) have no order to read or test them in.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
    forbid("lib-is-shared", "src/lib is shared by the browser and the server: no node:fs, no database, nothing of src/server but types.", "^src/lib/", `^src/(server|app|components|trpc)/|^src/generated/|^(node:)?fs`, { typesAllowed: true }),
    forbid("env-is-a-leaf", "src/env.ts reads process.env for everyone; it depends on zod and the identity rules only.", "^src/env\\.ts$", "^src/(?!env\\.ts$|lib/identity\\.ts$)"),
    forbid("client-code-stays-client", "UI components know the server by its types only.", "^src/components/", "^src/server/|^src/generated/", { typesAllowed: true }),
    forbid("trpc-client-knows-the-router-type", "The tRPC client knows the server by the type of its router only.", "^src/trpc/", "^src/server/(?!api/root\\.ts$)|^src/generated/"),
    forbid("route-handlers-are-one-line", "A route handler re-exports a handler from src/server/api/http; the work happens there.", "^src/app/api/.+/route\\.ts$", "^(?!src/server/api/http/)"),
    forbid("api-routes-are-one-line", "A Pages Router API route (media) re-exports a handler from src/server/api/http, as route handlers do.", "^src/pages/", "^(?!src/server/api/http/)"),
    forbid("proxy-sets-headers-only", "src/proxy.ts puts the headers of src/lib/security-headers.ts on answers: the environment and src/lib, nothing else of Folio.", "^src/proxy\\.ts$", "^src/(?!env\\.ts$|lib/)"),
    forbid("database-clients-behind-db", "Only the database layer opens the generated Prisma clients and applies migrations.", "^src/(?!server/db/)", "^src/generated/|^src/server/db/migrate\\.ts$"),
    forbid("pages-use-services", "Pages reach data through services, tRPC or auth; never the database, jobs, scanner or library.", "^src/app/", server("db", "jobs", "scanner", "library")),
    forbid("api-is-thin", "Routers and HTTP handlers call services; the database, jobs, scanner and library sit below the services.", "^src/server/api/", `${server("db", "jobs", "scanner", "library")}|^src/(app|components)/`),
    forbid("services-know-no-http", "Services are plain functions shared by routers, scripts, jobs and tests: no tRPC, Next.js or React.", "^src/server/services/", `${server("api")}|^src/(app|components|trpc)/|^src/server/boot\\.ts$|${web}`),
    forbid("jobs-below-services", "Jobs run scans; services queue and read them. Jobs never call a service.", "^src/server/jobs/", `${server("services", "api", "auth")}|^src/(app|components|trpc)/|${web}`),
    forbid("scanner-below-jobs", "The scanner reads files into the index: no services, jobs, HTTP or sessions.", "^src/server/scanner/", `${server("services", "jobs", "api", "auth")}|^src/(app|components|trpc)/|${web}`),
    forbid("library-is-the-filesystem", "library/ holds the filesystem rules (containment, browsing): no database, no layer above it.", "^src/server/library/", `${server("db", "services", "jobs", "scanner", "api", "auth")}|^src/(app|components|trpc)/|${web}`),
    forbid("db-is-the-bottom", "The database layer knows only the environment, the errors and the generated clients.", "^src/server/db/", `${server("services", "jobs", "scanner", "library", "api", "auth")}|^src/(app|components|trpc)/|${web}`),
    forbid("auth-below-services", "Sessions, credentials and throttling sit below the services, which may use them.", "^src/server/auth/", `${server("services", "jobs", "scanner", "library", "api")}|^src/(app|components|trpc)/`),
    forbid("errors-is-a-leaf", "The one error type imports nothing of the server but the database's unique-violation classifier.", "^src/server/errors\\.ts$", "^src/(?!server/db/unique-violation\\.ts$)"),
    forbid("scripts-skip-the-web", "Scripts call services directly; never Next.js or the tRPC layer (scripts/server.mjs, the HTTP server around Next's handler, aside).", "^scripts/", `${server("api")}|^src/(app|components|trpc)/|${web}`, { pathNot: "^scripts/server\\.mjs$" }),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
