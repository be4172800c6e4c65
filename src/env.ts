// The only module that reads process.env. Every variable of the environment table in
// docs/API.md is validated here, with defaults that let Folio start with nothing configured.
import { existsSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import { emailSchema, passwordSchema, usernameSchema } from "./lib/identity";

// Next.js loads .env itself; scripts and the Prisma CLI do not. Existing variables win.
if (existsSync(".env")) process.loadEnvFile(".env");

const onOff = (name: string) =>
  z.enum(["on", "off"], { error: `${name} must be "on" or "off".` }).default("on");
const blankAsUnset = (v: unknown) => (v === "" ? undefined : v);

export type TrustedProxy = { address: string; prefix: number; family: "ipv4" | "ipv6" };

/** One TRUSTED_PROXIES entry: an address or a CIDR block, IPv4 or IPv6; an IPv4-mapped IPv6
 *  address (::ffff:10.0.0.1) counts as its IPv4 address. */
export function parseTrustedProxy(entry: string): TrustedProxy | null {
  const [raw = "", bits, ...rest] = entry.trim().split("/");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw);
  const address = mapped ? mapped[1]! : raw;
  const version = isIP(address);
  if (!version || rest.length) return null;
  const max = version === 4 ? 32 : 128;
  // a mapped block (::ffff:10.0.0.0/104) is the IPv4 block /8
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) - (mapped ? 96 : 0) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return null;
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

const trustedProxies = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const entries = value.split(",").map((e) => e.trim()).filter(Boolean);
    const parsed = entries.map(parseTrustedProxy);
    const bad = entries.filter((_, i) => !parsed[i]);
    if (bad.length) {
      ctx.addIssue({ code: "custom", message: `TRUSTED_PROXIES must be IP addresses or CIDR blocks separated by commas; not ${bad.join(", ")}.` });
      return z.NEVER;
    }
    return parsed as TrustedProxy[];
  });

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** the address to listen on; unset: every interface */
    HOST: z.preprocess(blankAsUnset, z.string().regex(/^[A-Za-z0-9.:-]+$/, "HOST must be an IP address or a host name, like 127.0.0.1.").optional()),
    /** reverse proxies whose X-Forwarded-For entries are believed (src/server/auth/client-ip.ts) */
    TRUSTED_PROXIES: trustedProxies,
    PORT: z.coerce
      .number({ error: "PORT must be a whole number." })
      .int("PORT must be a whole number.")
      .min(1, "PORT must be between 1 and 65535.")
      .max(65535, "PORT must be between 1 and 65535.")
      .default(3000),
    LIBRARY_ROOT: z.string().min(1).default("./library"),
    STATE_DIR: z.string().min(1).default("./var"),
    DATABASE_URL: z.preprocess(
      blankAsUnset,
      z
        .string()
        .regex(/^(file:|postgres(ql)?:\/\/)/, 'DATABASE_URL must start with "file:" (SQLite) or "postgresql://".')
        .optional(),
    ),
    ADMIN_USERNAME: z.preprocess(blankAsUnset, usernameSchema.optional()),
    ADMIN_PASSWORD: z.preprocess(blankAsUnset, passwordSchema.optional()),
    ADMIN_EMAIL: z.preprocess(blankAsUnset, emailSchema.optional()),
    NEXTAUTH_SECRET: z.preprocess(
      blankAsUnset,
      z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters; unset it to have one generated.").optional(),
    ),
    NEXTAUTH_URL: z.preprocess(
      blankAsUnset,
      z.url("NEXTAUTH_URL must be the full origin users reach, like https://photos.example.com.").optional(),
    ),
    SCAN_WORKER: onOff("SCAN_WORKER"),
    SCHEDULER: onOff("SCHEDULER"),
    /** How often a running scan proves it is alive, and after how long without that proof
     *  another worker takes it over. Tests shorten both. */
    JOB_HEARTBEAT_MS: z.coerce.number().int().min(100).default(1_000),
    JOB_STALE_MS: z.coerce.number().int().min(500).default(30_000),
    /** HEIC/HEIF (HEVC) decoding: Debian's heif-convert when installed ("auto"), always it
     *  ("native": fails without it), or always the WASM libheif shipped in the npm package. */
    HEIF_DECODER: z.enum(["auto", "native", "wasm"], { error: 'HEIF_DECODER must be "auto", "native" or "wasm".' }).default("auto"),
    /** ffmpeg and ffprobe to use instead of the system's (PATH) or the npm packages' copies. */
    FFMPEG_PATH: z.string().min(1).optional(),
    FFPROBE_PATH: z.string().min(1).optional(),
    /** video renditions a worker makes at once (each ffmpeg uses every core it gets) */
    RENDITION_CONCURRENCY: z.coerce.number().int().min(1, "RENDITION_CONCURRENCY must be 1 to 8.").max(8, "RENDITION_CONCURRENCY must be 1 to 8.").default(1),
    /** the most the full-size JPEGs of HEIC, RAW, TIFF, JPEG XL and BMP photos (the viewer's
     *  zoom) take in STATE_DIR/full-size, in MiB; the least recently viewed go first */
    FULL_SIZE_CACHE_MB: z.coerce.number({ error: "FULL_SIZE_CACHE_MB must be a whole number of MiB." }).int("FULL_SIZE_CACHE_MB must be a whole number of MiB.").min(0, "FULL_SIZE_CACHE_MB must be 0 or more.").default(4096),
    /** bcrypt work factor; tests lower it to keep hashing fast. */
    BCRYPT_COST: z.coerce.number().int().min(4, "BCRYPT_COST must be 4 to 15.").max(15, "BCRYPT_COST must be 4 to 15.").default(12),
  })
  .superRefine((v, ctx) => {
    if (!!v.ADMIN_USERNAME !== !!v.ADMIN_PASSWORD) {
      ctx.addIssue({
        code: "custom",
        path: [v.ADMIN_USERNAME ? "ADMIN_PASSWORD" : "ADMIN_USERNAME"],
        message: "Set both ADMIN_USERNAME and ADMIN_PASSWORD, or neither.",
      });
    }
  })
  .transform((v) => {
    const STATE_DIR = path.resolve(v.STATE_DIR);
    return {
      ...v,
      LIBRARY_ROOT: path.resolve(v.LIBRARY_ROOT),
      STATE_DIR,
      DATABASE_URL: v.DATABASE_URL ?? `file:${path.join(STATE_DIR, "folio.db")}`,
      NEXTAUTH_URL: v.NEXTAUTH_URL ?? `http://localhost:${v.PORT}`,
    };
  });

export type Env = z.output<typeof schema>;

export class EnvError extends Error {}

/** Parses an environment; exported so tests can check messages without touching process.env. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "environment"}: ${i.message}`);
  throw new EnvError(`Folio cannot start, the environment has invalid settings:\n${lines.join("\n")}`);
}

export const env = parseEnv(process.env);

// NextAuth reads NEXTAUTH_URL itself; give it the default we computed.
process.env.NEXTAUTH_URL = env.NEXTAUTH_URL;

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
/** The file behind a SQLite "file:" URL, relative paths taken from the working directory. */
export const sqliteFile = (url: string) => path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));

/** The environment for a child process (next, prisma) with Folio's resolved defaults filled in. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: env.DATABASE_URL,
    STATE_DIR: env.STATE_DIR,
    LIBRARY_ROOT: env.LIBRARY_ROOT,
    NEXTAUTH_URL: env.NEXTAUTH_URL,
    PORT: String(env.PORT),
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}
