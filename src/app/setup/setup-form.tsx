"use client";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { AuthCard, Field, PASSWORDS_DIFFER } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/button";
import { newAccountSchema } from "~/lib/identity";
import { formErrorsOf } from "~/lib/trpc-errors";
import type { FieldErrors } from "~/server/errors";
import { useTRPC } from "~/trpc/react";

export function SetupForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const setup = useMutation(trpc.auth.setupAdmin.mutationOptions());
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const server = formErrorsOf(setup.error);
  const errors = { ...server.fields, ...localErrors };

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const { confirm, ...fields } = form;
    const parsed = newAccountSchema.safeParse(fields);
    const local: FieldErrors = parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as FieldErrors);
    if (confirm !== fields.password) local.confirm = [PASSWORDS_DIFFER];
    setLocalErrors(local);
    if (!parsed.success || local.confirm) return;
    setup.reset();
    setup.mutate(parsed.data, {
      onSuccess: async () => {
        await signIn("credentials", { username: parsed.data.username, password: fields.password, redirect: false });
        // the sign-in set the session cookie; the navigation and refresh render the pages with it
        router.replace("/admin");
        router.refresh();
      },
    });
  }

  return (
    <AuthCard title="Create the first admin">
      <p className="mb-4 text-sm text-slate-600">
        Folio has no users yet. This account will manage the others; the page closes once it exists.
      </p>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Alert>{server.message}</Alert>
        <Field label="Username" name="username" autoComplete="username" errors={errors.username} hint="2-32 of a-z, 0-9, . _ -" />
        <Field label="Name" name="name" autoComplete="name" errors={errors.name} />
        <Field label="E-mail" name="email" type="email" autoComplete="email" errors={errors.email} />
        <Field label="Password" name="password" type="password" autoComplete="new-password" errors={errors.password} hint="At least 8 characters" />
        <Field label="Confirm password" name="confirm" type="password" autoComplete="new-password" errors={errors.confirm} />
        <SubmitButton className="w-full" busy={setup.isPending || setup.isSuccess}>Create admin</SubmitButton>
      </form>
    </AuthCard>
  );
}
