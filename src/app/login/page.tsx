import { redirect } from "next/navigation";
import { callbackPath } from "~/server/auth/config";
import { getCurrentUser } from "~/server/auth/session";
import { getSiteSettings } from "~/server/services/settings";
import { needsSetup } from "~/server/services/setup";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in · Folio" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  if (await needsSetup()) redirect("/setup");
  const next = callbackPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(next);
  const { allowRegistration } = await getSiteSettings();
  return <LoginForm next={next} allowSignup={allowRegistration} />;
}
