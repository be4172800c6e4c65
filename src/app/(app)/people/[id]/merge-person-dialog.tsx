"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { FaceCrop } from "~/components/people/face-crop";
import { filterPeople } from "~/components/people/find-people";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Dialog, DialogButtons } from "~/components/ui/dialog";
import { SkeletonRows } from "~/components/ui/skeleton";
import { plural } from "~/lib/plural";
import { useTRPC } from "~/trpc/react";
import { useShowMerged } from "./use-show-merged";

type Person = { id: string; name: string; faceCount: number; coverFaceId: string };

/** What a merge of `from` into `into` does, and that it stays done (people.merge: every face
 *  moves; the one merged into keeps its name, or takes the other's when it has none). */
function mergeSentence(from: Person, into: Person) {
  const fromName = from.name || "this person";
  const intoName = into.name || "the unnamed person you picked";
  const faces = from.faceCount === 1 ? `The face of ${fromName} moves` : `All ${plural(from.faceCount, "face")} of ${fromName} move`;
  const sentences = [`${faces} to ${intoName}, and ${fromName} is gone from your people.`];
  if (!into.name && from.name) sentences.push(`The merged person takes the name ${from.name}.`);
  if (into.name && from.name && into.name !== from.name) sentences.push(`The merged person keeps the name ${into.name}.`);
  // nothing remembers which faces were whose
  sentences.push("This cannot be undone, except by moving the faces back one by one from the photo viewer.");
  return sentences.join(" ");
}

/** Merging a person into another of the user's people: find one in the list (face and name; a
 *  text filter over the names, the list may hold hundreds), read what will happen, confirm; the
 *  page then moves to the merged person. */
export function MergePersonDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const trpc = useTRPC();
  const showMerged = useShowMerged();
  const people = useQuery(trpc.people.list.queryOptions({}));
  const others = people.data?.filter((p) => p.id !== person.id) ?? [];
  const [intoId, setIntoId] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const into = others.find((p) => p.id === intoId) ?? null;
  // the one picked stays in the list whatever is typed after
  const shown = filterPeople(others, query).concat(into && !filterPeople([into], query).length ? [into] : []);
  const sentenceId = useId();
  const filterId = useId();
  const merge = useMutation(trpc.people.merge.mutationOptions({ onSuccess: showMerged }));

  return (
    <Dialog title={`Merge ${person.name || "this person"} into…`} onClose={onClose} wide>
      <Alert className="mb-4">{people.error?.message ?? merge.error?.message}</Alert>
      {people.isPending && <SkeletonRows count={4} />}
      {people.data && others.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">You have no other people to merge into.</p>}
      {others.length > 0 && (
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-700 dark:text-slate-300">The person to merge into</legend>
          <label htmlFor={filterId} className="sr-only">
            Find a person by name
          </label>
          <input
            id={filterId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              // Escape empties the field first; the dialog closes on the next one
              if (e.key !== "Escape" || !query) return;
              e.preventDefault();
              setQuery("");
            }}
            placeholder="Find a person by name"
            autoComplete="off"
            className="mb-2 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand dark:border-slate-700 dark:bg-slate-900"
          />
          {shown.length === 0 && <p className="py-2 text-sm text-slate-600 dark:text-slate-400">No one by that name.</p>}
          <ul className="grid max-h-80 grid-cols-1 gap-1 overflow-y-auto sm:grid-cols-2">
            {shown.map((p) => (
              <li key={p.id}>
                <label
                  className={`flex cursor-pointer items-center gap-3 rounded-md border p-2 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand ${p.id === intoId ? "border-brand bg-blue-50 dark:border-blue-400 dark:bg-blue-950/40" : "border-transparent hover:bg-slate-50 dark:hover:bg-slate-800/50"}`}
                >
                  <input type="radio" name="merge-into" value={p.id} checked={p.id === intoId} onChange={() => setIntoId(p.id)} className="sr-only" />
                  <FaceCrop faceId={p.coverFaceId} className="h-10 w-10" />
                  <span className="min-w-0">
                    <span className={`block truncate text-sm font-medium ${p.name ? "" : "text-slate-500 dark:text-slate-400"}`}>{p.name || "Unnamed person"}</span>
                    <span className="block text-xs text-slate-500 dark:text-slate-400">{plural(p.faceCount, "face")}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {into && (
        <p id={sentenceId} className="mt-4 text-sm text-slate-700 dark:text-slate-300">
          {mergeSentence(person, into)}
        </p>
      )}
      <DialogButtons>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" disabled={!into || merge.isPending} aria-describedby={into ? sentenceId : undefined} onClick={() => into && merge.mutate({ fromId: person.id, intoId: into.id })}>
          {merge.isPending ? "Merging…" : "Merge"}
        </Button>
      </DialogButtons>
    </Dialog>
  );
}
