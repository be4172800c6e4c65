// Runs in the browser before the app's own modules (Next.js file convention), so before any
// zod schema is built: zod 4 compiles object parsers with `new Function`, and its probe for
// whether that is allowed is itself an eval that the page's Content-Security-Policy (no
// 'unsafe-eval', src/lib/security-headers.ts) reports as a violation. Without it zod parses
// the same way, only without the compiled fast path.
import { z } from "zod";

z.config({ jitless: true });
