"use client";
import { useEffect, useId, useRef, type ReactNode, type SyntheticEvent } from "react";

/**
 * Props for a native <dialog> shown as modal while mounted (focus stays inside it); Escape calls
 * `onClose`, whose caller unmounts it.
 */
export function useModalDialog(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const onCancel = (e: SyntheticEvent<HTMLDialogElement>) => {
    // the browser closing it itself would leave it mounted and out of step with the parent
    e.preventDefault();
    onClose();
  };
  return { ref, onCancel };
}

type DialogProps = { title: string; onClose: () => void; children: ReactNode; wide?: boolean };

/** A modal dialog on the native <dialog>, named by its title; Escape calls `onClose`. */
export function Dialog({ title, onClose, children, wide }: DialogProps) {
  const dialog = useModalDialog(onClose);
  const titleId = useId();
  return (
    <dialog
      {...dialog}
      aria-labelledby={titleId}
      className={`m-auto w-[calc(100%-1.5rem)] ${wide ? "max-w-2xl" : "max-w-md"} rounded-xl bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:bg-slate-900 dark:text-slate-100 dark:ring-1 dark:ring-slate-700 dark:backdrop:bg-black/60`}
    >
      <div className="max-h-[90vh] overflow-y-auto p-4 sm:p-6">
        <h2 id={titleId} className="mb-4 text-lg font-semibold">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}

/** The row of buttons at the foot of a dialog, the main action last. */
export function DialogButtons({ children }: { children: ReactNode }) {
  return <div className="mt-6 flex justify-end gap-2">{children}</div>;
}
