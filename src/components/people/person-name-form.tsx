"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type ButtonHTMLAttributes } from "react";
import type { z } from "zod";
import { renamePersonSchema, type personSchema } from "~/lib/people";
import { formErrorsOf } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";
import { Button } from "../ui/button";
import { FormField } from "../ui/form-field";
import { useZodForm } from "../ui/use-zod-form";
import { personNamed } from "./find-people";
import { usePeopleChanged } from "./use-people-changed";

const nameFormSchema = renamePersonSchema.pick({ name: true });

export type Person = z.infer<typeof personSchema>;

type Props = {
  personId: string;
  /** the name now ("" for none) */
  name: string;
  /** saved or cancelled: the caller shows the name again */
  onDone: () => void;
  /** merged into the person already holding the name typed (`merged`, whose id differs from
   *  `personId`, which is gone). Without it the people queries are fetched again and `onDone` is
   *  called, as after a rename. */
  onMerged?: (merged: Person) => void;
  label?: string;
  /** on the dark photo viewer */
  dark?: boolean;
};

const darkButton = "rounded bg-slate-700 px-2 py-1 text-xs hover:bg-slate-600 disabled:opacity-50";

/** A button of the form: small and grey on the dark viewer, the app's own elsewhere. */
function FormButton({ dark, primary, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { dark?: boolean; primary?: boolean }) {
  if (dark) return <button type="button" className={darkButton} {...props} />;
  return <Button variant={primary ? "primary" : "secondary"} {...props} />;
}

/**
 * A person's name in a text field: Enter saves (people.rename; a blank takes the name away),
 * Escape cancels. A name another of the user's people already has (trimmed, case aside; hidden
 * people too) is not saved at once: the form asks, in its place, whether to merge this person
 * into that one (people.merge) or to keep them apart under the same name. What the server
 * refuses is shown under the field, whatever field it named.
 */
export function PersonNameForm({ personId, name, onDone, onMerged, label = "Name", dark }: Props) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const changed = usePeopleChanged();
  const rename = useMutation(trpc.people.rename.mutationOptions());
  const merge = useMutation(trpc.people.merge.mutationOptions());
  const form = useZodForm(nameFormSchema, { name });
  // every person, the hidden ones too: a hidden Alice is an Alice still. Fetched as the field
  // opens, so the look-up on saving seldom waits.
  const everyone = trpc.people.list.queryOptions({ includeHidden: true });
  useQuery(everyone);
  /** the person already named as typed, while the form asks what to do */
  const [twin, setTwin] = useState<{ person: Person; name: string } | null>(null);
  const questionId = useId();

  // one field here: a message about anything (the person gone, the name) belongs under it
  const showError = (error: unknown) => {
    const { fields, message } = formErrorsOf(error);
    form.setError("name", { type: "server", message: [...Object.values(fields).flat(), message].filter(Boolean).join(" ") });
  };

  const saveName = async (newName: string) => {
    try {
      await rename.mutateAsync({ personId, name: newName });
    } catch (error) {
      showError(error);
      return;
    }
    // the new name shows everywhere before the field closes
    await changed();
    onDone();
  };

  const mergeIntoTwin = async (into: Person) => {
    let merged: Person;
    try {
      merged = await merge.mutateAsync({ fromId: personId, intoId: into.id });
    } catch (error) {
      setTwin(null);
      showError(error);
      return;
    }
    if (onMerged) return onMerged(merged);
    await changed();
    onDone();
  };

  const save = form.handleSubmit(async (values) => {
    setTwin(null);
    if (values.name) {
      let people: Person[];
      try {
        people = await qc.fetchQuery(everyone);
      } catch (error) {
        showError(error);
        return;
      }
      const other = personNamed(people, values.name, personId);
      if (other) {
        setTwin({ person: other, name: values.name });
        return;
      }
    }
    await saveName(values.name);
  });
  const busy = form.formState.isSubmitting || rename.isPending || merge.isPending;

  return (
    <form noValidate onSubmit={(e) => void save(e)} className="flex flex-wrap items-start gap-2">
      <FormField
        form={form}
        name="name"
        label={label}
        hideLabel
        dark={dark}
        placeholder="Add a name"
        autoComplete="off"
        autoFocus
        maxLength={100}
        className={dark ? "min-w-0 flex-1" : "w-full max-w-xs"}
        // another name typed: the question was about the one before
        onChange={() => setTwin(null)}
        onKeyDown={(e) => {
          if (e.key !== "Escape") return;
          // the field's own Escape: a dialog around it (the viewer) stays open
          e.preventDefault();
          e.stopPropagation();
          onDone();
        }}
      />
      {twin ? (
        <div role="group" aria-labelledby={questionId} className={`w-full space-y-2 ${dark ? "text-xs" : "text-sm"}`}>
          <p id={questionId} role="alert">
            You already have a person named {twin.person.name}
            {twin.person.hidden ? " (hidden)" : ""}. Merge these faces into {twin.person.name}?
          </p>
          <div className="flex flex-wrap gap-2">
            <FormButton type="button" dark={dark} primary disabled={busy} onClick={() => void mergeIntoTwin(twin.person)}>
              {merge.isPending ? "Merging…" : "Merge"}
            </FormButton>
            <FormButton type="button" dark={dark} disabled={busy} onClick={() => void saveName(twin.name)}>
              {rename.isPending ? "Saving…" : "Keep separate"}
            </FormButton>
            <FormButton type="button" dark={dark} onClick={onDone}>
              Cancel
            </FormButton>
          </div>
        </div>
      ) : (
        <div className="flex gap-2">
          <FormButton type="submit" dark={dark} primary disabled={busy} aria-busy={busy || undefined}>
            {busy ? "Saving…" : "Save"}
          </FormButton>
          <FormButton type="button" dark={dark} onClick={onDone}>
            Cancel
          </FormButton>
        </div>
      )}
    </form>
  );
}
