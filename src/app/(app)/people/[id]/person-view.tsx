"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { EmptyState } from "~/components/empty-state";
import { FaceCrop } from "~/components/people/face-crop";
import { PersonNameForm } from "~/components/people/person-name-form";
import { usePeopleChanged } from "~/components/people/use-people-changed";
import { Timeline } from "~/components/photos/timeline";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Skeleton, SkeletonBlock } from "~/components/ui/skeleton";
import { plural } from "~/lib/plural";
import { useTRPC } from "~/trpc/react";
import { MergePersonDialog } from "./merge-person-dialog";
import { useShowMerged } from "./use-show-merged";

/** One person: their face, their name (a click edits it), how many faces they hold, merging them
 *  into another person, hiding them; their photos as a timeline below. */
export function PersonView({ id }: { id: string }) {
  const trpc = useTRPC();
  const person = useQuery(trpc.people.get.queryOptions({ personId: id }));
  const changed = usePeopleChanged();
  const hide = useMutation(trpc.people.hide.mutationOptions({ onSuccess: () => changed() }));
  const showMerged = useShowMerged();
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);

  if (person.error) return <EmptyState title="Person not found">{person.error.message}</EmptyState>;
  if (!person.data) {
    return (
      <Skeleton className="mb-6 flex items-center gap-4">
        <SkeletonBlock className="h-20 w-20 rounded-full sm:h-24 sm:w-24" />
        <div className="space-y-2">
          <SkeletonBlock className="h-8 w-56" />
          <SkeletonBlock className="h-4 w-16" />
        </div>
      </Skeleton>
    );
  }
  const p = person.data;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-4">
        <FaceCrop faceId={p.coverFaceId} className="h-20 w-20 sm:h-24 sm:w-24" />
        <div className="min-w-0 flex-1 space-y-1">
          {/* the page keeps its heading while the name is edited */}
          <h1 className={editing ? "sr-only" : "text-2xl font-semibold"}>
            {editing ? (
              p.name || "Unnamed person"
            ) : (
              <button type="button" onClick={() => setEditing(true)} title="Edit the name" className="max-w-full truncate rounded text-left decoration-dotted underline-offset-4 hover:underline">
                {p.name || <span className="text-slate-500 dark:text-slate-400">Add a name</span>}
              </button>
            )}
          </h1>
          {editing && <PersonNameForm personId={id} name={p.name} label="Name of this person" onDone={() => setEditing(false)} onMerged={showMerged} />}
          <p className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
            {plural(p.faceCount, "face")}
            {p.hidden && <Badge>Hidden</Badge>}
          </p>
        </div>
        <div className="flex flex-wrap gap-4">
          <Button variant="link" onClick={() => setMerging(true)}>
            Merge into…
          </Button>
          <Button variant="link" onClick={() => hide.mutate({ personId: id, hidden: !p.hidden })} disabled={hide.isPending}>
            {p.hidden ? "Show" : "Hide"}
          </Button>
        </div>
      </div>
      <Alert className="mb-4">{hide.error?.message}</Alert>
      {p.hidden && (
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
          Hidden: not on the People page unless you show hidden people, and search does not find photos by this name.
        </p>
      )}
      <Timeline source={{ procedure: "list", input: { person: id } }} emptyTitle="No photos of this person" emptyText="The photos showing this face are gone from your folders." />
      {merging && <MergePersonDialog person={p} onClose={() => setMerging(false)} />}
    </>
  );
}
