import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "~/components/auth-card";
import { getCurrentUser } from "~/server/auth/session";
import { getSiteSettings } from "~/server/services/settings";
import { needsSetup } from "~/server/services/setup";
import { SignupForm } from "./signup-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign up · Folio" };

export default async function SignupPage() {
  if (await needsSetup()) redirect("/setup");
  if (await getCurrentUser()) redirect("/photos");
  if (!(await getSiteSettings()).allowRegistration) {
    return (
      <AuthCard title="Registration is closed">
        <p className="text-center text-sm text-slate-600 dark:text-slate-400">
          This Folio does not take sign-ups at the moment. Ask an admin to create an account for you.
        </p>
        <p className="mt-4 text-center text-sm">
          <Link href="/login" className="text-brand dark:text-blue-400 underline">
            Back to sign in
          </Link>
        </p>
      </AuthCard>
    );
  }
  return <SignupForm />;
}
