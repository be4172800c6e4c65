import type { FieldErrors } from "~/server/errors";

/** The field errors and message a form shows for a failed tRPC call. */
export function formErrorsOf(error: unknown): { fields: FieldErrors; message: string | null } {
  if (!error) return { fields: {}, message: null };
  const e = error as { message?: string; data?: { fieldErrors?: FieldErrors | null } | null };
  const { _form, ...fields } = e.data?.fieldErrors ?? {};
  const hasFields = Object.keys(fields).length > 0;
  const message = _form?.join(" ") ?? (hasFields ? null : (e.message ?? "Something went wrong. Try again."));
  return { fields, message };
}
