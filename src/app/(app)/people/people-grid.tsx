"use client";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { EmptyState } from "~/components/empty-state";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Skeleton, SkeletonBlock } from "~/components/ui/skeleton";
import { Switch } from "~/components/ui/switch";
import { plural } from "~/lib/plural";
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

/** Past this many people seen once (unnamed, one face: mostly strangers in the background),
 *  they wait behind a button under the others rather than flooding the page. */
const SEEN_ONCE_SHOWN = 6;

/**
 * The user's people as the server orders them (named first, then by how many faces), the hidden
 * ones on request. The unnamed people seen once come last, and when there are many of them (and
 * anyone else to show) they are folded away under "N more people seen once".
 */
export function PeopleGrid() {
  const trpc = useTRPC();
  const [showHidden, setShowHidden] = useState(false);
  const [showSeenOnce, setShowSeenOnce] = useState(false);
  const seenOnceId = useId();
  // placeholderData: flipping the switch keeps the grid until the other list comes
  const people = useQuery({ ...trpc.people.list.queryOptions({ includeHidden: showHidden }), placeholderData: (previous) => previous });
  const all = people.data ?? [];
  const seenOnce = all.filter((p) => !p.name && p.faceCount < 2);
  const main = all.filter((p) => p.name || p.faceCount >= 2);
  const fold = main.length > 0 && seenOnce.length > SEEN_ONCE_SHOWN;
  const first = fold ? main : [...main, ...seenOnce];

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
      {first.length > 0 && (
        <ul className={PEOPLE_GRID}>
          {first.map((p) => (
            <PersonCard key={p.id} {...p} />
          ))}
        </ul>
      )}
      {fold && (
        <div className="mt-8">
          <Button variant="link" aria-expanded={showSeenOnce} aria-controls={showSeenOnce ? seenOnceId : undefined} onClick={() => setShowSeenOnce((s) => !s)}>
            <span aria-hidden className="mr-1 inline-block w-3">
              {showSeenOnce ? "▾" : "▸"}
            </span>
            {plural(seenOnce.length, "more person", "more people")} seen once
          </Button>
          {showSeenOnce && (
            <ul id={seenOnceId} className={`mt-4 ${PEOPLE_GRID}`}>
              {seenOnce.map((p) => (
                <PersonCard key={p.id} {...p} />
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
