"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import type { z } from "zod";
import { AuthCard } from "~/components/auth-card";
import { SubmitButton } from "~/components/ui/button";
import { Form } from "~/components/ui/form";
import { FormField } from "~/components/ui/form-field";
import { useZodForm } from "~/components/ui/use-zod-form";
import { signInSchema } from "~/lib/identity";
import { safeCallbackPath } from "~/lib/redirect";

const WRONG = "The username or e-mail and password do not match. Check both and try again.";

/** Sign-in through NextAuth's credentials provider; on success the browser loads `next`. */
export function LoginForm({ next, allowSignup }: { next: string; allowSignup: boolean }) {
  const form = useZodForm(signInSchema, { username: "", password: "" });

  async function signInWith(credentials: z.output<typeof signInSchema>) {
    const res = await signIn("credentials", { ...credentials, redirect: false });
    // one message for either mistake, so it does not reveal whether the account exists; a
    // throttled attempt comes back with its own message saying when to retry
    if (!res?.ok || res.error) throw new Error(res?.error && res.error !== "CredentialsSignin" ? res.error : WRONG);
    // a full load: `next` is any same-site path, not always a page of this app; checked here
    // too, so whatever a caller passes, the browser stays on this site
    window.location.assign(safeCallbackPath(next));
  }

  const { isSubmitting, isSubmitSuccessful } = form.formState;
  return (
    <AuthCard title="Sign in">
      <Form form={form} onValid={signInWith} className="space-y-4">
        <FormField form={form} name="username" label="Username or e-mail" autoComplete="username" required autoFocus />
        <FormField form={form} name="password" label="Password" type="password" autoComplete="current-password" required />
        {/* still busy after success, while the next page loads */}
        <SubmitButton className="w-full" busy={isSubmitting || isSubmitSuccessful}>
          Sign in
        </SubmitButton>
      </Form>
      {allowSignup && (
        <p className="mt-4 text-center text-sm text-slate-600 dark:text-slate-400">
          No account yet?{" "}
          <Link href="/signup" className="text-brand dark:text-blue-400 underline">
            Sign up
          </Link>
        </p>
      )}
    </AuthCard>
  );
}
