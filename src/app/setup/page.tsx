import { redirect } from "next/navigation";
import { needsSetup } from "~/server/services/setup";
import { SetupForm } from "./setup-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Set up Folio" };

export default async function SetupPage() {
  // closed for good once any user exists
  if (!(await needsSetup())) redirect("/login");
  return <SetupForm />;
}
