"use client";
import type { ReactNode } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { Alert } from "./alert";
import { showServerErrors } from "./use-zod-form";

type FormProps<In extends FieldValues, Out> = {
  form: UseFormReturn<In, unknown, Out>;
  /** Sends the parsed values; what it throws (a tRPC error, an Error) is shown on the form. */
  onValid: (values: Out) => Promise<unknown> | void;
  className?: string;
  children: ReactNode;
};

/** A form of useZodForm: checks the fields, calls `onValid`, and shows what the server refused. */
export function Form<In extends FieldValues, Out>({ form, onValid, className, children }: FormProps<In, Out>) {
  const submit = form.handleSubmit(async (values) => {
    try {
      await onValid(values);
    } catch (error) {
      showServerErrors(form, error);
    }
  });
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className={className}>
      <Alert>{form.formState.errors.root?.server?.message}</Alert>
      {children}
    </form>
  );
}
