"use client";
import { useId, type ReactNode } from "react";

type Props = {
  checked: boolean;
  /** the visible name, read out as the switch's accessible name */
  label: ReactNode;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  /** what follows the label on the same line: a "Saved" note, say */
  children?: ReactNode;
  /** a line under it saying what the setting does, read out as the switch's description */
  description?: ReactNode;
};

/** An on/off setting: a button with role "switch" named by its visible label, so assistive
 *  technology and the browser tests find it by that name. `onChange` gets the new state. */
export function Switch({ checked, label, disabled, onChange, children, description }: Props) {
  const labelId = useId();
  const descriptionId = useId();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-labelledby={labelId}
        aria-describedby={description ? descriptionId : undefined}
        disabled={disabled}
        onClick={() => onChange(!checked)}
        className={`relative h-6 w-11 shrink-0 rounded-full transition-colors disabled:opacity-60 ${checked ? "bg-brand" : "bg-slate-300 dark:bg-slate-600"}`}
      >
        <span className={`absolute top-0.5 h-5 w-5 rounded-full bg-white shadow transition-all ${checked ? "left-5" : "left-0.5"}`} />
      </button>
      <span id={labelId} className="font-medium">
        {label}
      </span>
      {children}
      {description && (
        <p id={descriptionId} className="w-full pl-14 text-xs text-slate-500 dark:text-slate-400">
          {description}
        </p>
      )}
    </div>
  );
}
