"use client";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { ConfirmPasswordField, Field } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/button";
import { formErrorsOf } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

/** Changing the password ends every session; this one signs in again with the new password. */
export function PasswordForm({ username }: { username: string }) {
  const trpc = useTRPC();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const [mismatch, setMismatch] = useState(false);
  const [saved, setSaved] = useState(false);
  const { fields, message } = formErrorsOf(change.error);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    const differs = newPassword !== form.get("confirmPassword");
    setMismatch(differs);
    setSaved(false);
    if (differs) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: async () => {
          await signIn("credentials", { username, password: newPassword, redirect: false });
          formEl.reset();
          setSaved(true);
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Alert>{message}</Alert>
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" errors={fields.currentPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" errors={fields.newPassword} hint="At least 8 characters" />
      <ConfirmPasswordField label="Confirm new password" name="confirmPassword" differs={mismatch} />
      <div className="flex items-center gap-3">
        <SubmitButton busy={change.isPending} busyText="Changing…">
          Change password
        </SubmitButton>
        <Alert tone="success">{saved && "Password changed. Your other sessions were signed out."}</Alert>
      </div>
    </form>
  );
}
