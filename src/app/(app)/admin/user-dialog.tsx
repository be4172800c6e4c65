"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { Button, SubmitButton } from "~/components/ui/button";
import { Dialog, DialogButtons } from "~/components/ui/dialog";
import { formErrorsOf } from "~/lib/trpc-errors";
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
  const [scanPath, setScanPath] = useState(user?.scanPath ?? "");
  const [pickerOpen, setPickerOpen] = useState(false);
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.admin.users.list.queryKey() });
    onClose();
  };
  const create = useMutation(trpc.admin.users.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.admin.users.update.mutationOptions({ onSuccess: done }));
  const mutation = user ? update : create;
  const { fields: errors, message } = formErrorsOf(mutation.error);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? "");
    const common = {
      username: text("username"),
      name: text("name"),
      email: text("email"),
      isAdmin: form.get("isAdmin") === "on",
    };
    const password = text("password");
    if (user) {
      update.mutate({ id: user.id, ...common, scanPath: scanPath.trim() || null, ...(password ? { password } : {}) });
    } else {
      create.mutate({ ...common, password, ...(scanPath.trim() ? { scanPath } : {}) });
    }
  }

  return (
    <Dialog title={user ? `Edit ${user.username}` : "Create user"} onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Alert>{message}</Alert>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Username" name="username" defaultValue={user?.username} errors={errors.username} autoComplete="off" />
          <Field label="Name" name="name" defaultValue={user?.name} errors={errors.name} autoComplete="off" />
          <Field label="E-mail" name="email" type="email" defaultValue={user?.email ?? ""} errors={errors.email} autoComplete="off" />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            errors={errors.password}
            hint={user ? "Leave blank to keep the current password. A new one signs the user out everywhere." : "At least 8 characters"}
          />
        </div>
        <div className="flex items-center gap-2">
          <input id="isAdmin" name="isAdmin" type="checkbox" defaultChecked={user?.isAdmin} className="h-4 w-4" />
          <label htmlFor="isAdmin" className="text-sm font-medium text-slate-700">
            Admin
          </label>
          <Alert>{errors.isAdmin?.join(" ")}</Alert>
        </div>
        <div className="space-y-2">
          <Field
            label="Scan path"
            name="scanPath"
            value={scanPath}
            onChange={(e) => setScanPath(e.target.value)}
            errors={errors.scanPath}
            placeholder="No folder: the user sees no photos"
            hint="A folder inside the library root. Several users may share one."
            autoComplete="off"
          />
          <Button variant="link" aria-expanded={pickerOpen} onClick={() => setPickerOpen((o) => !o)}>
            {pickerOpen ? "Hide folder picker" : "Browse folders"}
          </Button>
          {pickerOpen && <DirectoryPicker selected={scanPath} onSelect={setScanPath} />}
        </div>
        <DialogButtons>
          <Button onClick={onClose}>Cancel</Button>
          <SubmitButton busy={mutation.isPending} busyText="Saving…">
            {user ? "Save changes" : "Create user"}
          </SubmitButton>
        </DialogButtons>
      </form>
    </Dialog>
  );
}
