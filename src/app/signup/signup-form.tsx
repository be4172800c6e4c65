"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { NewAccountForm } from "~/components/new-account-form";
import { useTRPC } from "~/trpc/react";

const footer = (
  <>
    An admin gives each account its photo folder. Already have an account?{" "}
    <Link href="/login" className="text-brand dark:text-blue-400 underline">
      Sign in
    </Link>
  </>
);

/** A visitor's own account, while registration is open; then signed in and taken to the photos. */
export function SignupForm() {
  const trpc = useTRPC();
  const signup = useMutation(trpc.auth.signup.mutationOptions());
  return <NewAccountForm title="Create your account" submitLabel="Sign up" create={signup.mutateAsync} destination="/photos" footer={footer} />;
}
