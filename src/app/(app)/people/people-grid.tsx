"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { EmptyState } from "~/components/empty-state";
import { Alert } from "~/components/ui/alert";
import { Skeleton, SkeletonBlock } from "~/components/ui/skeleton";
import { Switch } from "~/components/ui/switch";
import { useTRPC } from "~/trpc/react";
import { PEOPLE_GRID, PersonCard } from "./person-card";

/** Round grey shapes where the people will be. */
function PeopleSkeleton() {
  return (
    <Skeleton label="Loading people…">
      <div className={PEOPLE_GRID}>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="space-y-2 p-1">
            <SkeletonBlock className="mx-auto aspect-square w-full max-w-32 rounded-full" />
            <SkeletonBlock className="mx-auto h-4 w-3/4" />
          </div>
        ))}
      </div>
    </Skeleton>
  );
}

/** The user's people as the server orders them (named first), the hidden ones on request. */
export function PeopleGrid() {
  const trpc = useTRPC();
  const [showHidden, setShowHidden] = useState(false);
  // placeholderData: flipping the switch keeps the grid until the other list comes
  const people = useQuery({ ...trpc.people.list.queryOptions({ includeHidden: showHidden }), placeholderData: (previous) => previous });

  return (
    <>
      <div className="mb-4 flex justify-end text-sm">
        <Switch checked={showHidden} label="Show hidden" onChange={setShowHidden} />
      </div>
      <Alert className="mb-4">{people.error?.message}</Alert>
      {people.isPending && <PeopleSkeleton />}
      {people.data?.length === 0 && (
        <EmptyState title="No people yet">
          Faces are found in your photos after each scan while face detection is on (an admin&apos;s setting), and the
          faces of one person are gathered here for you to name.{showHidden ? "" : " People you hid show under Show hidden."}
        </EmptyState>
      )}
      {!!people.data?.length && (
        <ul className={PEOPLE_GRID}>
          {people.data.map((p) => (
            <PersonCard key={p.id} {...p} />
          ))}
        </ul>
      )}
    </>
  );
}
