"use client";
import { useMutation } from "@tanstack/react-query";
import { renamePersonSchema } from "~/lib/people";
import { formErrorsOf } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";
import { Button } from "../ui/button";
import { FormField } from "../ui/form-field";
import { useZodForm } from "../ui/use-zod-form";
import { usePeopleChanged } from "./use-people-changed";

const nameFormSchema = renamePersonSchema.pick({ name: true });

type Props = {
  personId: string;
  /** the name now ("" for none) */
  name: string;
  /** saved or cancelled: the caller shows the name again */
  onDone: () => void;
  label?: string;
  /** on the dark photo viewer */
  dark?: boolean;
};

const darkButton = "rounded bg-slate-700 px-2 py-1 text-xs hover:bg-slate-600 disabled:opacity-50";

/**
 * A person's name in a text field: Enter saves (people.rename; a blank takes the name away),
 * Escape cancels. What the server refuses is shown under the field, whatever field it named.
 */
export function PersonNameForm({ personId, name, onDone, label = "Name", dark }: Props) {
  const trpc = useTRPC();
  const changed = usePeopleChanged();
  const rename = useMutation(trpc.people.rename.mutationOptions());
  const form = useZodForm(nameFormSchema, { name });

  const save = form.handleSubmit(async (values) => {
    try {
      await rename.mutateAsync({ personId, name: values.name });
    } catch (error) {
      // one field here: a message about anything (the person gone, the name) belongs under it
      const { fields, message } = formErrorsOf(error);
      form.setError("name", { type: "server", message: [...Object.values(fields).flat(), message].filter(Boolean).join(" ") });
      return;
    }
    // the new name shows everywhere before the field closes
    await changed();
    onDone();
  });
  const busy = form.formState.isSubmitting;

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
        onKeyDown={(e) => {
          if (e.key !== "Escape") return;
          // the field's own Escape: a dialog around it (the viewer) stays open
          e.preventDefault();
          e.stopPropagation();
          onDone();
        }}
      />
      <div className="flex gap-2">
        {dark ? (
          <>
            <button type="submit" className={darkButton} disabled={busy}>
              {busy ? "Saving…" : "Save"}
            </button>
            <button type="button" className={darkButton} onClick={onDone}>
              Cancel
            </button>
          </>
        ) : (
          <>
            <Button type="submit" variant="primary" disabled={busy} aria-busy={busy || undefined}>
              {busy ? "Saving…" : "Save"}
            </Button>
            <Button onClick={onDone}>Cancel</Button>
          </>
        )}
      </div>
    </form>
  );
}
