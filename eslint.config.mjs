// ESLint: Next.js's recommended rules (with Core Web Vitals) and typescript-eslint's
// recommended ones, plus the few project rules a type checker cannot see. Which layer may
// import which is checked by dependency-cruiser (.dependency-cruiser.cjs), not here.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

const rawSql = ["$queryRaw", "$queryRawUnsafe", "$executeRaw", "$executeRawUnsafe"].map((name) => ({
  selector: `MemberExpression[property.name='${name}']`,
  message: "Raw SQL lives in src/server/db/ only: add a statement there and call it.",
}));

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", "node_modules/**", "src/generated/**", "var/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      // `_`-prefixed names are the way to say "deliberately unused" (a destructured-away field)
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}", "scripts/**/*.ts"],
    ignores: ["src/server/db/**"],
    rules: { "no-restricted-syntax": ["error", ...rawSql] },
  },
  {
    // src/env.ts is the one reader of process.env; instrumentation.ts asks which runtime it is in
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/env.ts", "src/instrumentation.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings from src/env.ts (env or childEnv)." }],
    },
  },
]);
