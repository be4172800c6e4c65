"use client";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useState } from "react";
import type { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/button";
import { Form } from "~/components/ui/form";
import { ConfirmPasswordField, FormField } from "~/components/ui/form-field";
import { useZodForm } from "~/components/ui/use-zod-form";
import { changePasswordFormSchema } from "~/lib/form-schemas";
import { useTRPC } from "~/trpc/react";

/** Changing the password ends every session; this one signs in again with the new password. */
export function PasswordForm({ username }: { username: string }) {
  const trpc = useTRPC();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const form = useZodForm(changePasswordFormSchema, { currentPassword: "", newPassword: "", confirmPassword: "" });
  // not formState.isSubmitSuccessful: the reset below clears it
  const [saved, setSaved] = useState(false);

  async function changePassword({ confirmPassword: _confirm, ...passwords }: z.output<typeof changePasswordFormSchema>) {
    setSaved(false);
    await change.mutateAsync(passwords);
    // said only once this session is back, so a click right after does not meet a closed session
    await signIn("credentials", { username, password: passwords.newPassword, redirect: false });
    form.reset();
    setSaved(true);
  }

  return (
    <Form form={form} onValid={changePassword} className="space-y-4">
      <FormField form={form} name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
      <FormField form={form} name="newPassword" label="New password" type="password" autoComplete="new-password" hint="At least 8 characters" />
      <ConfirmPasswordField form={form} name="confirmPassword" label="Confirm new password" />
      <div className="flex items-center gap-3">
        <SubmitButton busy={form.formState.isSubmitting} busyText="Changing…">
          Change password
        </SubmitButton>
        <Alert tone="success">{saved && "Password changed. Your other sessions were signed out."}</Alert>
      </div>
    </Form>
  );
}
