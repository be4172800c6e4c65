"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import type { z } from "zod";
import { Button, SubmitButton } from "~/components/ui/button";
import { Dialog, DialogButtons } from "~/components/ui/dialog";
import { Form } from "~/components/ui/form";
import { CheckboxField, FormField } from "~/components/ui/form-field";
import { useZodForm } from "~/components/ui/use-zod-form";
import { editUserFormSchema } from "~/lib/form-schemas";
import { createUserSchema } from "~/lib/users";
import { useTRPC } from "~/trpc/react";
import { DirectoryPicker } from "./directory-picker";

export type EditableUser = {
  id: string;
  username: string;
  name: string;
  email: string | null;
  isAdmin: boolean;
  scanPath: string | null;
};


/** Create (no user given) or edit a user. A blank password on edit leaves it unchanged. */
export function UserDialog({ user, onClose }: { user?: EditableUser; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pickerOpen, setPickerOpen] = useState(false);
  const create = useMutation(trpc.admin.users.create.mutationOptions());
  const update = useMutation(trpc.admin.users.update.mutationOptions());
  const form = useZodForm(user ? editUserFormSchema : createUserSchema, {
    username: user?.username ?? "",
    name: user?.name ?? "",
    email: user?.email ?? "",
    password: "",
    scanPath: user?.scanPath ?? "",
    isAdmin: user?.isAdmin ?? false,
  });
  const scanPath = useWatch({ control: form.control, name: "scanPath" }) ?? "";

  async function save({ password, scanPath, ...fields }: z.output<typeof createUserSchema>) {
    if (user) await update.mutateAsync({ id: user.id, ...fields, scanPath: scanPath || null, ...(password ? { password } : {}) });
    else await create.mutateAsync({ ...fields, password, ...(scanPath ? { scanPath } : {}) });
    await queryClient.invalidateQueries({ queryKey: trpc.admin.users.list.queryKey() });
    onClose();
  }

  return (
    <Dialog title={user ? `Edit ${user.username}` : "Create user"} onClose={onClose} wide>
      <Form form={form} onValid={save} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField form={form} name="username" label="Username" autoComplete="off" />
          <FormField form={form} name="name" label="Name" autoComplete="off" />
          <FormField form={form} name="email" label="E-mail" type="email" autoComplete="off" />
          <FormField
            form={form}
            name="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            hint={user ? "Leave blank to keep the current password. A new one signs the user out everywhere." : "At least 8 characters"}
          />
        </div>
        <CheckboxField form={form} name="isAdmin" label="Admin" />
        <div className="space-y-2">
          <FormField
            form={form}
            name="scanPath"
            label="Scan path"
            placeholder="No folder: the user sees no photos"
            hint="A folder inside the library root. Several users may share one."
            autoComplete="off"
          />
          <Button variant="link" aria-expanded={pickerOpen} onClick={() => setPickerOpen((o) => !o)}>
            {pickerOpen ? "Hide folder picker" : "Browse folders"}
          </Button>
          {pickerOpen && <DirectoryPicker selected={scanPath} onSelect={(path) => form.setValue("scanPath", path, { shouldValidate: true })} />}
        </div>
        <DialogButtons>
          <Button onClick={onClose}>Cancel</Button>
          <SubmitButton busy={form.formState.isSubmitting} busyText="Saving…">
            {user ? "Save changes" : "Create user"}
          </SubmitButton>
        </DialogButtons>
      </Form>
    </Dialog>
  );
}
