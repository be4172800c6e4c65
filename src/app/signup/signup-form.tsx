"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AuthCard, ConfirmPasswordField, Field } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/button";
import { formErrorsOf } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

export function SignupForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const signup = useMutation(trpc.auth.signup.mutationOptions());
  const [mismatch, setMismatch] = useState(false);
  const { fields, message } = formErrorsOf(signup.error);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const { confirm, ...input } = form;
    const differs = confirm !== input.password;
    setMismatch(differs);
    if (differs) return;
    signup.mutate(
      { username: input.username ?? "", email: input.email ?? "", name: input.name, password: input.password ?? "" },
      {
        onSuccess: async (user) => {
          await signIn("credentials", { username: user.username, password: input.password, redirect: false });
          // the sign-in set the session cookie; the navigation and refresh render the pages with it
          router.replace("/photos");
          router.refresh();
        },
      },
    );
  }

  return (
    <AuthCard title="Create your account">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Alert>{message}</Alert>
        <Field label="Username" name="username" autoComplete="username" errors={fields.username} hint="2-32 of a-z, 0-9, . _ -" />
        <Field label="Name" name="name" autoComplete="name" errors={fields.name} />
        <Field label="E-mail" name="email" type="email" autoComplete="email" errors={fields.email} />
        <Field label="Password" name="password" type="password" autoComplete="new-password" errors={fields.password} hint="At least 8 characters" />
        <ConfirmPasswordField label="Confirm password" name="confirm" differs={mismatch} />
        <SubmitButton className="w-full" busy={signup.isPending || signup.isSuccess}>Sign up</SubmitButton>
      </form>
      <p className="mt-4 text-center text-sm text-slate-600">
        An admin gives each account its photo folder. Already have an account?{" "}
        <Link href="/login" className="text-brand underline">
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
