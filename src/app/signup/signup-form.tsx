"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { AuthCard } from "~/components/auth-card";
import { NewAccountFields, newAccountDefaults, type NewAccountForm } from "~/components/new-account-fields";
import { SubmitButton } from "~/components/ui/button";
import { Form } from "~/components/ui/form";
import { useZodForm } from "~/components/ui/use-zod-form";
import { useSignInAndGo } from "~/components/use-sign-in-and-go";
import { newAccountFormSchema } from "~/lib/form-schemas";
import { useTRPC } from "~/trpc/react";

/** A visitor's own account, while registration is open; then signed in and taken to the photos. */
export function SignupForm() {
  const trpc = useTRPC();
  const signup = useMutation(trpc.auth.signup.mutationOptions());
  const signInAndGo = useSignInAndGo();
  const form = useZodForm(newAccountFormSchema, newAccountDefaults);

  async function signUp({ confirm: _confirm, ...account }: NewAccountForm) {
    const user = await signup.mutateAsync(account);
    await signInAndGo({ username: user.username, password: account.password }, "/photos");
  }

  const { isSubmitting, isSubmitSuccessful } = form.formState;
  return (
    <AuthCard title="Create your account">
      <Form form={form} onValid={signUp} className="space-y-4">
        <NewAccountFields form={form} />
        {/* still busy after success, while the photos load */}
        <SubmitButton className="w-full" busy={isSubmitting || isSubmitSuccessful}>
          Sign up
        </SubmitButton>
      </Form>
      <p className="mt-4 text-center text-sm text-slate-600">
        An admin gives each account its photo folder. Already have an account?{" "}
        <Link href="/login" className="text-brand underline">
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
