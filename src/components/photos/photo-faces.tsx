"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import type { PhotoDetail } from "~/lib/photos";
import { useTRPC } from "~/trpc/react";
import { FaceCrop } from "../people/face-crop";
import { PersonNameForm } from "../people/person-name-form";
import { usePeopleChanged } from "../people/use-people-changed";
import { Alert } from "../ui/alert";

type Face = PhotoDetail["faces"][number];
export type FaceBox = Face["box"];

const small = "rounded bg-slate-700 px-2 py-1 text-xs hover:bg-slate-600 disabled:opacity-50";

/** What the user may do to one face: name its person, take it out of that person, or open the
 *  person's page. */
function FaceEditor({ face, onDone }: { face: Face & { personId: string }; onDone: () => void }) {
  const trpc = useTRPC();
  const changed = usePeopleChanged();
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
        <Link href={`/people/${face.personId}`} className="text-xs text-blue-300 hover:underline">
          All photos of {face.personName ?? "this person"}
        </Link>
      </div>
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
