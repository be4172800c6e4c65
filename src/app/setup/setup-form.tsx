"use client";
import { useMutation } from "@tanstack/react-query";
import { AuthCard } from "~/components/auth-card";
import { NewAccountFields, newAccountDefaults, type NewAccountForm } from "~/components/new-account-fields";
import { SubmitButton } from "~/components/ui/button";
import { Form } from "~/components/ui/form";
import { useZodForm } from "~/components/ui/use-zod-form";
import { useSignInAndGo } from "~/components/use-sign-in-and-go";
import { newAccountFormSchema } from "~/lib/form-schemas";
import { useTRPC } from "~/trpc/react";

/** The first admin, created on a Folio with no users; then signed in and taken to the Admin Area. */
export function SetupForm() {
  const trpc = useTRPC();
  const setup = useMutation(trpc.auth.setupAdmin.mutationOptions());
  const signInAndGo = useSignInAndGo();
  const form = useZodForm(newAccountFormSchema, newAccountDefaults);

  async function createAdmin({ confirm: _confirm, ...account }: NewAccountForm) {
    await setup.mutateAsync(account);
    await signInAndGo(account, "/admin");
  }

  const { isSubmitting, isSubmitSuccessful } = form.formState;
  return (
    <AuthCard title="Create the first admin">
      <p className="mb-4 text-sm text-slate-600">
        Folio has no users yet. This account will manage the others; the page closes once it exists.
      </p>
      <Form form={form} onValid={createAdmin} className="space-y-4">
        <NewAccountFields form={form} />
        {/* still busy after success, while the Admin Area loads */}
        <SubmitButton className="w-full" busy={isSubmitting || isSubmitSuccessful}>
          Create admin
        </SubmitButton>
      </Form>
    </AuthCard>
  );
}
