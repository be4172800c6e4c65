import type { ButtonHTMLAttributes, ReactNode } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger" | "link" | "dangerLink";

const variants: Record<ButtonVariant, string> = {
  primary: "rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark disabled:opacity-60",
  secondary: "rounded-md border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-4 py-2 text-sm font-medium text-slate-700 dark:text-slate-300 hover:bg-slate-50 dark:hover:bg-slate-800/50 disabled:opacity-60",
  danger: "rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60",
  link: "text-sm font-medium text-brand dark:text-blue-400 hover:underline",
  dangerLink: "text-sm font-medium text-red-700 dark:text-red-400 hover:underline",
};

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant };

/** A button in one of the app's variants; `type` is "button" unless given, so it never submits by accident. */
export function Button({ variant = "secondary", type = "button", className, ...props }: ButtonProps) {
  return <button type={type} className={className ? `${variants[variant]} ${className}` : variants[variant]} {...props} />;
}

type SubmitButtonProps = Omit<ButtonProps, "type" | "children"> & { busy: boolean; busyText?: string; children: ReactNode };

/** The submit button of a form: disabled and saying `busyText` while the form is busy. */
export function SubmitButton({ busy, busyText = "Please wait…", variant = "primary", disabled, children, ...props }: SubmitButtonProps) {
  return (
    <Button type="submit" variant={variant} disabled={busy || disabled} aria-busy={busy || undefined} {...props}>
      {busy ? busyText : children}
    </Button>
  );
}
