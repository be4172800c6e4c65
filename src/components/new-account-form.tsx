"use client";
import type { ReactNode } from "react";
import { AuthCard } from "~/components/auth-card";
import { NewAccountFields, newAccountDefaults, type NewAccountForm as NewAccountValues } from "~/components/new-account-fields";
import { SubmitButton } from "~/components/ui/button";
import { Form } from "~/components/ui/form";
import { useZodForm } from "~/components/ui/use-zod-form";
import { useSignInAndGo } from "~/components/use-sign-in-and-go";
import { newAccountFormSchema } from "~/lib/form-schemas";

export type NewAccount = Omit<NewAccountValues, "confirm">;

/** A card that creates an account with `create`, then signs in as it and shows `destination`;
 *  for first-run setup and signup. */
export function NewAccountForm({
  title,
  intro,
  submitLabel,
  create,
  destination,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  submitLabel: string;
  create: (account: NewAccount) => Promise<{ username: string }>;
  destination: string;
  footer?: ReactNode;
}) {
  const signInAndGo = useSignInAndGo();
  const form = useZodForm(newAccountFormSchema, newAccountDefaults);

  async function submit({ confirm: _confirm, ...account }: NewAccountValues) {
    const user = await create(account);
    await signInAndGo({ username: user.username, password: account.password }, destination);
  }

  const { isSubmitting, isSubmitSuccessful } = form.formState;
  return (
    <AuthCard title={title}>
      {intro && <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{intro}</p>}
      <Form form={form} onValid={submit} className="space-y-4">
        <NewAccountFields form={form} />
        {/* still busy after success, while the destination loads */}
        <SubmitButton className="w-full" busy={isSubmitting || isSubmitSuccessful}>
          {submitLabel}
        </SubmitButton>
      </Form>
      {footer && <p className="mt-4 text-center text-sm text-slate-600 dark:text-slate-400">{footer}</p>}
    </AuthCard>
  );
}
