"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Field } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/button";
import { formErrorsOf } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

export function ProfileForm({ name, email }: { name: string; email: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.account.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const { fields, message } = formErrorsOf(update.error);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    update.mutate({ name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Alert>{message}</Alert>
      <Field label="Name" name="name" defaultValue={name} errors={fields.name} autoComplete="name" />
      <Field label="E-mail" name="email" type="email" defaultValue={email ?? ""} errors={fields.email} autoComplete="email" />
      <div className="flex items-center gap-3">
        <SubmitButton busy={update.isPending} busyText="Saving…">
          Save profile
        </SubmitButton>
        <Alert tone="success">{update.isSuccess && "Profile saved."}</Alert>
      </div>
    </form>
  );
}
