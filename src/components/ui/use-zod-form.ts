"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { formErrorsOf } from "~/lib/trpc-errors";

type FormSchema = z.ZodType<FieldValues, FieldValues>;

/**
 * A react-hook-form form checked on submit by a shared zod schema, so it refuses with the
 * messages the server would; the submit handler gets the parsed values.
 */
export function useZodForm<S extends FormSchema>(schema: S, defaultValues: DefaultValues<z.input<S>>) {
  return useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema), defaultValues });
}

/** Where a form's own message goes: above its fields, see Form. */
export const FORM_ERROR = "root.server";

/** Puts what the server refused where the form shows it: on the fields it names, the rest above the form. */
export function showServerErrors<T extends FieldValues>(form: Pick<UseFormReturn<T>, "setError" | "getValues">, error: unknown) {
  const { fields, message } = formErrorsOf(error);
  const values = form.getValues();
  const elsewhere = message ? [message] : [];
  for (const [name, messages] of Object.entries(fields)) {
    if (name in values) form.setError(name as Path<T>, { type: "server", message: messages.join(" ") });
    else elsewhere.push(...messages);
  }
  if (elsewhere.length) form.setError(FORM_ERROR, { type: "server", message: elsewhere.join(" ") });
}
