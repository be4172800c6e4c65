// The HTTP server npm start runs (scripts/start.ts spawns it): Next.js's request handler behind
// a plain node:http server, for one reason: the socket address. `next start` keeps a client's
// own X-Forwarded-For and fills it in only when absent (next/dist/server/base-server.js), so
// anyone reaching Folio directly could pick the address the sign-in throttle counts. Here the
// socket address is appended to the header, as a reverse proxy does, and
// src/server/auth/client-ip.ts walks it from the right (TRUSTED_PROXIES).
//   node scripts/server.mjs --port <1-65535> [--hostname <address>]
// It leaves on SIGTERM, SIGINT or SIGHUP, and when start.ts is gone (its IPC channel closes).
import { createServer } from "node:http";
import next from "next";

const usage = "Usage: node scripts/server.mjs --port <1-65535> [--hostname <address>]";
function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if ((flag !== "--port" && flag !== "--hostname") || !value) throw new Error(`Unexpected argument ${flag ?? ""}. ${usage}`);
    opts[flag.slice(2)] = value;
  }
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be 1 to 65535. ${usage}`);
  return { port, hostname: opts.hostname };
}

let args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(e.message);
  process.exit(1);
}

const app = next({ dev: false, dir: process.cwd(), port: args.port, hostname: args.hostname });
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  const peer = req.socket.remoteAddress;
  // no address: the connection is gone already; the client's own header must not stand in for it
  if (!peer) return void req.socket.destroy();
  const forwarded = req.headers["x-forwarded-for"];
  const before = Array.isArray(forwarded) ? forwarded.join(", ") : forwarded;
  req.headers["x-forwarded-for"] = before ? `${before}, ${peer}` : peer;
  handle(req, res);
});

let leaving = false;
function leave(why) {
  if (leaving) return;
  leaving = true;
  console.log(`Folio: stopping (${why})`);
  // the worker child (src/server/jobs/worker-process.ts) is told on SIGTERM/SIGINT and at exit
  server.close();
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 3_000).unref();
  app.close().then(
    () => process.exit(0),
    () => process.exit(0),
  );
}
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => leave(signal));
if (process.send) process.on("disconnect", () => leave("start.ts is gone"));

await app.prepare();
server.listen(args.port, args.hostname, () => {
  const where = args.hostname ?? "every interface";
  console.log(`Folio: listening on ${where}, port ${args.port}`);
});
