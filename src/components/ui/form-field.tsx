"use client";
import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

type FormOf<T extends FieldValues> = Pick<UseFormReturn<T>, "register" | "getFieldState" | "formState">;

type FieldProps<T extends FieldValues> = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "form"> & {
  form: FormOf<T>;
  name: Path<T>;
  label: string;
  hint?: ReactNode;
  /** the label is read out but not shown (the placeholder and the context say what to type) */
  hideLabel?: boolean;
  /** on the dark photo viewer */
  dark?: boolean;
};

const inputClass = {
  light: (invalid: boolean) =>
    `block w-full rounded-md border bg-white px-3 py-2 shadow-sm dark:bg-slate-900 focus:outline-none focus:ring-2 focus:ring-brand ${invalid ? "border-red-500" : "border-slate-300 dark:border-slate-700"}`,
  dark: (invalid: boolean) => `w-full rounded bg-slate-800 px-2 py-1 ${invalid ? "ring-1 ring-red-400" : ""}`,
};

/** The ids, error and described-by list that tie a field's hint and error to its input. */
function useFieldState<T extends FieldValues>(form: FormOf<T>, name: Path<T>, hint: ReactNode) {
  const id = useId();
  const error = form.getFieldState(name, form.formState).error?.message;
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ") || undefined;
  return { id, error, aria: { "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } };
}

function FieldNotes({ id, hint, error, dark }: { id: string; hint?: ReactNode; error?: string; dark?: boolean }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className={dark ? "text-xs text-red-300" : "text-sm text-red-700 dark:text-red-400"}>
          {error}
        </p>
      )}
    </>
  );
}

/** A labelled input of a useZodForm form; its hint and error are tied to it for screen readers. */
export function FormField<T extends FieldValues>({ form, name, label, hint, hideLabel, dark, className, onChange, ...input }: FieldProps<T>) {
  const { id, error, aria } = useFieldState(form, name, hint);
  const registered = form.register(name);
  return (
    <div className={`space-y-1 ${className ?? ""}`}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-700 dark:text-slate-300"}>
        {label}
      </label>
      <input
        id={id}
        {...aria}
        className={inputClass[dark ? "dark" : "light"](!!error)}
        {...input}
        {...registered}
        onChange={(e) => {
          void registered.onChange(e);
          onChange?.(e);
        }}
      />
      <FieldNotes id={id} hint={hint} error={error} dark={dark} />
    </div>
  );
}

/** The new password typed again; the form schema compares the two (PASSWORDS_DIFFER). */
export function ConfirmPasswordField<T extends FieldValues>(props: { form: FormOf<T>; name: Path<T>; label: string }) {
  return <FormField {...props} type="password" autoComplete="new-password" />;
}

/** A checkbox of a useZodForm form, its label beside it and its error below. */
export function CheckboxField<T extends FieldValues>({ form, name, label }: { form: FormOf<T>; name: Path<T>; label: string }) {
  const { id, error, aria } = useFieldState(form, name, undefined);
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <input id={id} type="checkbox" className="h-4 w-4" {...aria} {...form.register(name)} />
        <label htmlFor={id} className="text-sm font-medium text-slate-700 dark:text-slate-300">
          {label}
        </label>
      </div>
      <FieldNotes id={id} error={error} />
    </div>
  );
}

/** A labelled drop-down of a useZodForm form: `options` as [value, label] pairs. */
export function SelectField<T extends FieldValues>({ form, name, label, options, hint }: { form: FormOf<T>; name: Path<T>; label: string; options: readonly (readonly [string, string])[]; hint?: ReactNode }) {
  const { id, error, aria } = useFieldState(form, name, hint);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <select id={id} {...aria} className={inputClass.light(!!error)} {...form.register(name)}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
