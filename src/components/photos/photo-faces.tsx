"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { PhotoDetail } from "~/lib/photos";
import { plural } from "~/lib/plural";
import { useTRPC } from "~/trpc/react";
import { FaceCrop } from "../people/face-crop";
import { filterPeople } from "../people/find-people";
import { PersonNameForm } from "../people/person-name-form";
import { usePeopleChanged } from "../people/use-people-changed";
import { Alert } from "../ui/alert";

type Face = PhotoDetail["faces"][number];
export type FaceBox = Face["box"];

const small = "rounded bg-slate-700 px-2 py-1 text-xs hover:bg-slate-600 disabled:opacity-50";

/**
 * The user's other people to move a face to: a text filter over their names, and under it one
 * button each (the face, the name or "Unnamed", how many faces). ↓ and ↑ go from the field down
 * the list and back, Enter in the field picks the only one left, Escape closes the list (the
 * viewer stays open).
 */
function MoveToList({ id, exceptId, busy, onPick, onClose }: { id: string; exceptId: string; busy: boolean; onPick: (personId: string) => void; onClose: () => void }) {
  const trpc = useTRPC();
  const people = useQuery(trpc.people.list.queryOptions({}));
  const [query, setQuery] = useState("");
  const listRef = useRef<HTMLUListElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const others = people.data?.filter((p) => p.id !== exceptId) ?? [];
  const shown = filterPeople(others, query);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    const focus = (el: HTMLElement | undefined) => {
      e.preventDefault();
      el?.focus();
    };
    switch (e.key) {
      case "Escape":
        // the list's own Escape: the viewer around it stays open
        e.preventDefault();
        e.stopPropagation();
        onClose();
        return;
      case "ArrowDown":
        return focus(buttons[at + 1]);
      case "ArrowUp":
        return focus(at > 0 ? buttons[at - 1] : (fieldRef.current ?? undefined));
      case "Enter":
        if (e.target === fieldRef.current && shown.length === 1 && !busy) {
          e.preventDefault();
          onPick(shown[0]!.id);
        }
    }
  };

  return (
    <div id={id} className="space-y-1" onKeyDown={onKeyDown}>
      <label className="sr-only" htmlFor={`${id}-find`}>
        Find the person to move this face to
      </label>
      <input
        ref={fieldRef}
        id={`${id}-find`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Find a person"
        autoComplete="off"
        autoFocus
        className="w-full rounded bg-slate-800 px-2 py-1 text-sm"
      />
      {people.isPending && <p className="text-xs text-slate-400">Loading people…</p>}
      <Alert>{people.error?.message}</Alert>
      {people.data && shown.length === 0 && <p className="text-xs text-slate-400">{others.length ? "No one by that name." : "You have no other people."}</p>}
      {shown.length > 0 && (
        <ul ref={listRef} aria-label="People to move this face to" className="max-h-56 space-y-0.5 overflow-y-auto">
          {shown.map((p) => (
            <li key={p.id}>
              <button type="button" disabled={busy} onClick={() => onPick(p.id)} className="flex w-full items-center gap-2 rounded p-1 text-left text-xs hover:bg-slate-700 focus-visible:bg-slate-700 disabled:opacity-50">
                <FaceCrop faceId={p.coverFaceId} className="h-8 w-8" />
                <span className="min-w-0 truncate">
                  <span className={p.name ? "" : "text-slate-400"}>{p.name || "Unnamed"}</span>
                  <span className="text-slate-400"> · {plural(p.faceCount, "face")}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What the user may do to one face: name its person, take it out of that person, move it to
 *  another of their people, or open the person's page. */
function FaceEditor({ face, onDone }: { face: Face & { personId: string }; onDone: () => void }) {
  const trpc = useTRPC();
  const changed = usePeopleChanged();
  const [picking, setPicking] = useState(false);
  const pickerId = useId();
  const moveToButton = useRef<HTMLButtonElement>(null);
  const move = useMutation(
    trpc.people.moveFace.mutationOptions({
      onSuccess: async () => {
        await changed();
        onDone();
      },
    }),
  );
  return (
    <div className="mt-2 space-y-2 rounded bg-slate-800/60 p-2">
      <PersonNameForm personId={face.personId} name={face.personName ?? ""} label="Name of this person" dark onDone={onDone} />
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={small} disabled={move.isPending} onClick={() => move.mutate({ faceId: face.id, personId: null })} title="This face becomes a person of its own">
          Not this person
        </button>
        <button
          ref={moveToButton}
          type="button"
          className={small}
          aria-expanded={picking}
          aria-controls={picking ? pickerId : undefined}
          onClick={() => setPicking((p) => !p)}
          title="This face belongs to another of your people"
        >
          Move to…
        </button>
        <Link href={`/people/${face.personId}`} className="text-xs text-blue-300 hover:underline">
          All photos of {face.personName ?? "this person"}
        </Link>
      </div>
      {picking && (
        <MoveToList
          id={pickerId}
          exceptId={face.personId}
          busy={move.isPending}
          onPick={(personId) => move.mutate({ faceId: face.id, personId })}
          onClose={() => {
            setPicking(false);
            moveToButton.current?.focus();
          }}
        />
      )}
      <Alert>{move.error?.message}</Alert>
    </div>
  );
}

/**
 * The faces found in the photo, each a small round crop with its person's name ("Add a name"
 * when none); a click opens what may be done to it. Hovering or focusing a face outlines it on
 * the photo (`onHighlight`).
 */
export function PhotoFaces({ faces, onHighlight }: { faces: Face[]; onHighlight: (box: FaceBox | null) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  const headingId = useId();
  if (!faces.length) return null;
  const opened = faces.find((f) => f.id === open && f.personId);
  return (
    <section aria-labelledby={headingId} className="mb-4">
      <h3 id={headingId} className="mb-1 text-xs font-semibold uppercase text-slate-400">
        People
      </h3>
      <ul className="flex flex-wrap gap-2" onMouseLeave={() => onHighlight(null)}>
        {faces.map((f) => {
          const name = f.personName ?? (f.personId ? "Add a name" : "Not sorted yet");
          return (
            <li key={f.id}>
              <button
                type="button"
                // a face not yet placed into a person has no name to give yet
                disabled={!f.personId}
                aria-expanded={f.personId ? open === f.id : undefined}
                onClick={() => setOpen(open === f.id ? null : f.id)}
                onMouseEnter={() => onHighlight(f.box)}
                onFocus={() => onHighlight(f.box)}
                onBlur={() => onHighlight(null)}
                title={name}
                className={`flex w-24 flex-col items-center gap-1 rounded p-1 text-center text-xs hover:bg-slate-800 ${open === f.id ? "bg-slate-800" : ""}`}
              >
                <FaceCrop faceId={f.id} className="h-12 w-12" />
                <span className={`w-full truncate ${f.personName ? "" : "text-slate-400"}`}>{name}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {opened?.personId && <FaceEditor key={opened.id} face={{ ...opened, personId: opened.personId }} onDone={() => setOpen(null)} />}
    </section>
  );
}
