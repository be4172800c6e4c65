"use client";
import { useMutation } from "@tanstack/react-query";
import { NewAccountForm } from "~/components/new-account-form";
import { useTRPC } from "~/trpc/react";

const intro = "Folio has no users yet. This account will manage the others; the page closes once it exists.";

/** The first admin, created on a Folio with no users; then signed in and taken to the Admin Area. */
export function SetupForm() {
  const trpc = useTRPC();
  const setup = useMutation(trpc.auth.setupAdmin.mutationOptions());
  return <NewAccountForm title="Create the first admin" intro={intro} submitLabel="Create admin" create={setup.mutateAsync} destination="/admin" />;
}
