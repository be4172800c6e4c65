"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useWatch } from "react-hook-form";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/button";
import { Form } from "~/components/ui/form";
import { FormField } from "~/components/ui/form-field";
import { useZodForm } from "~/components/ui/use-zod-form";
import { describeCron } from "~/lib/cron-text";
import { updateSettingsSchema } from "~/lib/settings";
import { useTRPC } from "~/trpc/react";

/** The cron expression of scheduled scans, with a plain-words preview while it is typed; an
 *  expression the server would refuse shows why instead (admin.settings.previewSchedule: the
 *  rule the update applies). */
export function ScheduleForm({ current }: { current: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.admin.settings.update.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.admin.settings.get.queryKey(), data),
    }),
  );
  const form = useZodForm(updateSettingsSchema, { scanSchedule: current });
  const value = useWatch({ control: form.control, name: "scanSchedule" }) ?? "";
  const unchanged = value.trim() === current;
  const check = useQuery({ ...trpc.admin.settings.previewSchedule.queryOptions({ expression: value }), placeholderData: keepPreviousData });
  const verdict = check.data && !check.isPlaceholderData ? check.data : null;

  return (
    <Form form={form} onValid={(values) => update.mutateAsync(values)} className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <FormField
          form={form}
          name="scanSchedule"
          label="Scan schedule"
          hint={
            <>
              Cron: minute hour day month weekday.{" "}
              <span role="status" className={verdict && !verdict.valid ? "text-red-700 dark:text-red-400" : undefined}>
                {verdict ? (verdict.valid ? `Preview: ${verdict.description}` : `Not a valid schedule: ${verdict.reason}.`) : "Checking…"}
              </span>
            </>
          }
          autoComplete="off"
          className="min-w-64"
        />
        <SubmitButton variant="secondary" className="mb-6" busy={form.formState.isSubmitting} busyText="Saving…" disabled={unchanged}>
          Save schedule
        </SubmitButton>
        {/* gone again as soon as the field differs from what was saved */}
        <Alert tone="success" className="mb-6">
          {form.formState.isSubmitSuccessful && unchanged && `Saved: scans run ${describeCron(current)}.`}
        </Alert>
      </div>
    </Form>
  );
}
