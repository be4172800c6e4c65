"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { useTRPC } from "~/trpc/react";

type Props = { selected: string; onSelect: (path: string) => void };

/** A folder tree of LIBRARY_ROOT, loaded one level at a time as folders are opened. */
export function DirectoryPicker({ selected, onSelect }: Props) {
  const trpc = useTRPC();
  const root = useQuery(trpc.admin.directories.list.queryOptions());
  if (root.error) return <Alert>{root.error.message}</Alert>;
  if (!root.data) return <p className="text-sm text-slate-500 dark:text-slate-400">Loading folders…</p>;
  return (
    <div className="max-h-64 overflow-y-auto rounded-md border border-slate-200 dark:border-slate-800 p-2 text-sm" aria-label="Folders in the library">
      <ul>
        <FolderRow name={`${root.data.path} (library root)`} path={root.data.path} selected={selected} onSelect={onSelect} startOpen />
      </ul>
    </div>
  );
}

function FolderRow(props: Props & { name: string; path: string; startOpen?: boolean }) {
  const { name, path, selected, onSelect } = props;
  const [open, setOpen] = useState(!!props.startOpen);
  const isSelected = selected === path;
  return (
    <li className="list-none">
      <div className="flex items-center gap-1">
        <button
          type="button"
          aria-label={`${open ? "Hide" : "Show"} folders in ${name}`}
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          className="h-6 w-6 rounded text-slate-500 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          {open ? "▾" : "▸"}
        </button>
        <button
          type="button"
          aria-pressed={isSelected}
          onClick={() => onSelect(path)}
          className={`rounded px-1.5 py-0.5 text-left ${isSelected ? "bg-brand text-white" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
        >
          {name}
        </button>
      </div>
      {open && <FolderChildren path={path} selected={selected} onSelect={onSelect} />}
    </li>
  );
}

function FolderChildren({ path, selected, onSelect }: Props & { path: string }) {
  const trpc = useTRPC();
  const listing = useQuery(trpc.admin.directories.list.queryOptions({ path }));
  if (listing.error) return <Alert className="ml-7">{listing.error.message}</Alert>;
  if (!listing.data) return <p className="ml-7 text-slate-500 dark:text-slate-400">Loading…</p>;
  if (!listing.data.entries.length) return <p className="ml-7 text-slate-400 dark:text-slate-500">No folders inside</p>;
  return (
    <ul className="ml-5">
      {listing.data.entries.map((e) => (
        <FolderRow key={e.path} name={e.name} path={e.path} selected={selected} onSelect={onSelect} />
      ))}
    </ul>
  );
}
