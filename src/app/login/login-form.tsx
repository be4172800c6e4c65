"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { AuthCard, Field } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/button";

const WRONG = "The username or e-mail and password do not match. Check both and try again.";

export function LoginForm({ next, allowSignup }: { next: string; allowSignup: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await signIn("credentials", {
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (res?.ok && !res.error) {
      window.location.assign(next);
      return;
    }
    setBusy(false);
    // one message for either mistake, so it does not reveal whether the account exists; a
    // throttled attempt comes back with its own message saying when to retry
    setError(res?.error && res.error !== "CredentialsSignin" ? res.error : WRONG);
  }

  return (
    <AuthCard title="Sign in">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Alert>{error}</Alert>
        <Field label="Username or e-mail" name="username" autoComplete="username" required autoFocus />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <SubmitButton className="w-full" busy={busy}>Sign in</SubmitButton>
      </form>
      {allowSignup && (
        <p className="mt-4 text-center text-sm text-slate-600">
          No account yet?{" "}
          <Link href="/signup" className="text-brand underline">
            Sign up
          </Link>
        </p>
      )}
    </AuthCard>
  );
}
