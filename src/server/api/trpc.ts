// tRPC: context, the error mapping and the procedure tiers. Input is validated here, at the
// boundary, with the shared zod schemas; the services trust what they are given.
import { parse as parseCookieHeader } from "cookie";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { clientIp } from "~/server/auth/client-ip";
import type { SessionIdentity } from "~/server/auth/credentials";
import { getSessionIdentity, resolveSessionUser } from "~/server/auth/session";
import { AppError, asAppError, signInRequired, type FieldErrors } from "~/server/errors";

/** The part of the context tests build directly and pass to createCaller: the session, the
 *  client address, the request's cookies by name (a share link's password proof) and
 *  `resHeaders`, the answer's headers a procedure may add to (links.open's Set-Cookie; null
 *  where there is no HTTP answer, as with createCaller). */
export function createInnerTRPCContext(opts: {
  session: SessionIdentity | null;
  clientIp?: string | null;
  cookies?: Partial<Record<string, string>>;
  resHeaders?: Headers | null;
}) {
  return { session: opts.session, clientIp: opts.clientIp ?? null, cookies: opts.cookies ?? {}, resHeaders: opts.resHeaders ?? null };
}

/** A Cookie header's pairs by name (values URI-decoded; the first of a repeated name wins), as
 *  the `cookie` package parses them; {} for no header. */
export const parseCookies = (header: string | null): Partial<Record<string, string>> => (header ? parseCookieHeader(header) : {});

/** The per-request part: reads the session cookie, the client address and the cookies, and
 *  keeps the fetch adapter's response headers. */
export async function createTRPCContext(opts: { req: Request; resHeaders?: Headers }) {
  return createInnerTRPCContext({
    session: await getSessionIdentity(),
    clientIp: clientIp(opts.req.headers),
    cookies: parseCookies(opts.req.headers.get("cookie")),
    resHeaders: opts.resHeaders ?? null,
  });
}

export type Context = ReturnType<typeof createInnerTRPCContext>;

function fieldErrorsOf(cause: unknown): FieldErrors | null {
  if (cause instanceof ZodError) {
    const flat = z.flattenError(cause);
    const fields = flat.fieldErrors as FieldErrors;
    // keys the input does not allow (isAdmin, scanPath...) have no field: show them as a form error
    return flat.formErrors.length ? { ...fields, _form: flat.formErrors } : fields;
  }
  if (cause instanceof AppError) return cause.fieldErrors ?? null;
  return null;
}

function summarize(e: ZodError) {
  return `Please fix: ${e.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ")}`;
}

// Answers marked as plain JSON skip superjson's walk over every value, which for the map's
// 100,000 points took 110-150 ms; superjson sends such an answer as { json } anyway.
const plainJson = new WeakSet<object>();

/** Marks `value` (numbers, strings, booleans, null, arrays and plain objects only: no Date,
 *  Map, Set, undefined or BigInt, which would arrive changed) to be sent as it is, without
 *  superjson's walk; the client reads it the same. Returns `value`. */
export function plainJsonAnswer<T extends object>(value: T): T {
  plainJson.add(value);
  return value;
}

const t = initTRPC.context<Context>().create({
  transformer: {
    serialize: (value: unknown) => (typeof value === "object" && value !== null && plainJson.has(value) ? { json: value } : superjson.serialize(value)),
    deserialize: (value: Parameters<typeof superjson.deserialize>[0]) => superjson.deserialize(value),
  },
  errorFormatter({ shape, error }) {
    const fieldErrors = fieldErrorsOf(error.cause);
    // zod's own message is a JSON dump; say in a sentence what to fix
    const message = error.cause instanceof ZodError ? summarize(error.cause) : shape.message;
    return { ...shape, message, data: { ...shape.data, fieldErrors } };
  },
});

/** The tRPC error an AppError stands for: same code (tRPC's codes include every one of ours),
 *  same message, the AppError as its cause (its field errors reach `error.data.fieldErrors`). */
export const trpcErrorOf = (app: AppError) => new TRPCError({ code: app.code, message: app.message, cause: app });

/** Maps the services' AppError, and the database refusals it stands for (a taken username or
 *  e-mail), to their tRPC code: here and nowhere else. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const app = asAppError(result.error.cause);
    if (app) throw trpcErrorOf(app);
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(appErrors);

/** Signed in, with a user that still exists and a session version that still matches. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user = await resolveSessionUser(ctx.session);
  if (!user) throw signInRequired();
  return next({ ctx: { ...ctx, user } });
});

/** Admin rights are read from the database on every call, so a demotion takes effect at once. */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!ctx.user.isAdmin) throw new AppError("FORBIDDEN", "Only an admin can do this.");
  return next();
});
