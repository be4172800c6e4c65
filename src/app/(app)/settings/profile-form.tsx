"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/button";
import { Form } from "~/components/ui/form";
import { FormField } from "~/components/ui/form-field";
import { useZodForm } from "~/components/ui/use-zod-form";
import { updateAccountSchema } from "~/lib/users";
import { useTRPC } from "~/trpc/react";

/** One's own name and e-mail; the header shows the new name once saved. */
export function ProfileForm({ name, email }: { name: string; email: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.account.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const form = useZodForm(updateAccountSchema, { name, email: email ?? "" });
  const { isSubmitting, isSubmitSuccessful } = form.formState;

  return (
    <Form form={form} onValid={(values) => update.mutateAsync(values)} className="space-y-4">
      <FormField form={form} name="name" label="Name" autoComplete="name" />
      <FormField form={form} name="email" label="E-mail" type="email" autoComplete="email" />
      <div className="flex items-center gap-3">
        <SubmitButton busy={isSubmitting} busyText="Saving…">
          Save profile
        </SubmitButton>
        <Alert tone="success">{isSubmitSuccessful && "Profile saved."}</Alert>
      </div>
    </Form>
  );
}
