"use client";
import type { InputHTMLAttributes, ReactNode } from "react";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; errors?: string[]; hint?: ReactNode };

export const PASSWORDS_DIFFER = "The two passwords differ.";

/** The repeat of a new password; the form compares it before sending anything. */
export function ConfirmPasswordField({ label, name, differs }: { label: string; name: string; differs: boolean }) {
  return <Field label={label} name={name} type="password" autoComplete="new-password" errors={differs ? [PASSWORDS_DIFFER] : undefined} />;
}

/** A labelled input whose errors are announced and tied to it for screen readers. */
export function Field({ label, name, errors, hint, ...input }: FieldProps) {
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  const invalid = !!errors?.length;
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={name}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={[invalid && errorId, hint && hintId].filter(Boolean).join(" ") || undefined}
        className={`block w-full rounded-md border px-3 py-2 shadow-sm focus:outline-none focus:ring-2 focus:ring-brand ${
          invalid ? "border-red-500" : "border-slate-300"
        }`}
        {...input}
      />
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {invalid && (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}
