"use client";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";

type Props = { initials: string; label: string; isAdmin: boolean };

const itemClass = "block w-full px-4 py-2 text-left text-sm text-slate-700 dark:text-slate-300 hover:bg-slate-100 dark:hover:bg-slate-800 focus:bg-slate-100 dark:focus:bg-slate-800 focus:outline-none";

const noSubscription = () => () => {};

/** False in the server's HTML and while React hydrates it, true once the page is interactive. */
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

export function AvatarMenu({ initials, label, isAdmin }: Props) {
  const [open, setOpen] = useState(false);
  // disabled until hydrated: a click on the server's button before then was lost, the menu never opening
  const hydrated = useHydrated();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={`Account menu for ${label}`}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={!hydrated}
        onClick={() => setOpen((o) => !o)}
        className="flex h-9 w-9 items-center justify-center rounded-full bg-brand text-sm font-semibold text-white focus:outline-none focus:ring-2 focus:ring-brand focus:ring-offset-2 dark:focus:ring-offset-slate-900"
      >
        {initials}
      </button>
      {open && (
        <div
          role="menu"
          aria-label="Account"
          className="absolute right-0 z-20 mt-2 w-48 overflow-hidden rounded-md border border-slate-200 dark:border-slate-800 bg-white dark:bg-slate-900 py-1 shadow-lg"
        >
          <p className="truncate border-b border-slate-100 dark:border-slate-800 px-4 py-2 text-xs text-slate-500 dark:text-slate-400">{label}</p>
          <Link role="menuitem" href="/settings" className={itemClass} onClick={() => setOpen(false)}>
            Settings
          </Link>
          {isAdmin && (
            <Link role="menuitem" href="/admin" className={itemClass} onClick={() => setOpen(false)}>
              Admin Area
            </Link>
          )}
          <button role="menuitem" type="button" className={itemClass} onClick={() => signOut({ callbackUrl: "/login" })}>
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
