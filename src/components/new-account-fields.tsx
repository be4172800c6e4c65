"use client";
import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { newAccountFormSchema } from "~/lib/form-schemas";
import { ConfirmPasswordField, FormField } from "./ui/form-field";

export type NewAccountForm = z.output<typeof newAccountFormSchema>;
type NewAccountInput = z.input<typeof newAccountFormSchema>;

export const newAccountDefaults: NewAccountInput = { username: "", name: "", email: "", password: "", confirm: "" };

/** The fields of a new account, for first-run setup and signup (newAccountFormSchema). */
export function NewAccountFields({ form }: { form: UseFormReturn<NewAccountInput, unknown, NewAccountForm> }) {
  return (
    <>
      <FormField form={form} name="username" label="Username" autoComplete="username" hint="2-32 of a-z, 0-9, . _ -" />
      <FormField form={form} name="name" label="Name" autoComplete="name" />
      <FormField form={form} name="email" label="E-mail" type="email" autoComplete="email" />
      <FormField form={form} name="password" label="Password" type="password" autoComplete="new-password" hint="At least 8 characters" />
      <ConfirmPasswordField form={form} name="confirm" label="Confirm password" />
    </>
  );
}
