"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Field, FormAlert } from "~/components/form";
import { buttonClass } from "~/components/modal";
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
      <FormAlert>{message}</FormAlert>
      <Field label="Name" name="name" defaultValue={name} errors={fields.name} autoComplete="name" />
      <Field label="E-mail" name="email" type="email" defaultValue={email ?? ""} errors={fields.email} autoComplete="email" />
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass.primary} disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save profile"}
        </button>
        {update.isSuccess && <p role="status" className="text-sm text-green-700">Profile saved.</p>}
      </div>
    </form>
  );
}
