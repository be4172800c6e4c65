"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/button";
import { describeCron } from "~/lib/cron-text";
import { formErrorsOf } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

export function ScheduleForm({ current }: { current: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(current);
  const update = useMutation(
    trpc.admin.settings.update.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.admin.settings.get.queryKey(), data),
    }),
  );
  const { fields, message } = formErrorsOf(update.error);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    update.mutate({ scanSchedule: value });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
      <div className="min-w-64">
        <Field
          label="Scan schedule"
          name="scanSchedule"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            update.reset();
          }}
          errors={fields.scanSchedule ?? (message ? [message] : undefined)}
          hint={`Cron: minute hour day month weekday. Preview: ${describeCron(value)}`}
          autoComplete="off"
        />
      </div>
      <SubmitButton variant="secondary" className="mb-6" busy={update.isPending} busyText="Saving…" disabled={value.trim() === current}>
        Save schedule
      </SubmitButton>
      <Alert tone="success" className="mb-6">{update.isSuccess && `Saved: scans run ${describeCron(update.data.scanSchedule)}.`}</Alert>
    </form>
  );
}
