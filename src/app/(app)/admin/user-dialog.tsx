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
import { PathText } from "~/components/ui/path-text";
import { useTRPC } from "~/trpc/react";
import { DirectoryPicker } from "./directory-picker";

export type EditableUser = {
  id: string;
  username: string;
  name: string;
  email: string | null;
  isAdmin: boolean;
  scanPaths: string[];
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
    scanPaths: user?.scanPaths ?? [],
    scanPath: "",
    isAdmin: user?.isAdmin ?? false,
  });
  // `scanPaths`: the folders the user will have; `scanPath`: the one being picked or typed,
  // which Add folder (or saving) puts in the list
  const scanPaths = useWatch({ control: form.control, name: "scanPaths" }) ?? [];
  const scanPath = useWatch({ control: form.control, name: "scanPath" }) ?? "";
  const foldersError = form.formState.errors.scanPaths;
  const foldersMessage = foldersError?.message ?? (Array.isArray(foldersError) ? foldersError.find(Boolean)?.message : undefined);

  const withEntry = (paths: string[], entry: string) => (entry.trim() && !paths.includes(entry.trim()) ? [...paths, entry.trim()] : paths);
  function addFolder() {
    form.setValue("scanPaths", withEntry(scanPaths, scanPath));
    form.setValue("scanPath", "");
    form.clearErrors("scanPaths");
  }
  const removeFolder = (path: string) => form.setValue("scanPaths", scanPaths.filter((p) => p !== path));

  async function save({ password, scanPath, scanPaths, ...fields }: z.output<typeof createUserSchema>) {
    // the server checks every folder (inside the library root, none inside another) and names the one it refuses
    const folders = withEntry(scanPaths ?? [], scanPath ?? "");
    if (user) await update.mutateAsync({ id: user.id, ...fields, scanPaths: folders, ...(password ? { password } : {}) });
    else await create.mutateAsync({ ...fields, password, scanPaths: folders });
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
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">Scan folders</legend>
          {scanPaths.length ? (
            <ul aria-label="Scan folders" className="space-y-1 text-sm">
              {scanPaths.map((p) => (
                <li key={p} className="flex items-center justify-between gap-2 rounded bg-slate-100 px-2 py-1 dark:bg-slate-800">
                  <PathText path={p} />
                  <Button variant="dangerLink" aria-label={`Remove ${p}`} onClick={() => removeFolder(p)}>
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500 dark:text-slate-400">No folder yet: the user sees no photos.</p>
          )}
          {foldersMessage && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {foldersMessage}
            </p>
          )}
          <FormField
            form={form}
            name="scanPath"
            label="Scan path"
            placeholder="A folder to add"
            hint="Folders inside the library root, none inside another. Several users may share one; taking one away hides its photos but keeps the user's tags and favorites."
            autoComplete="off"
          />
          <div className="flex gap-4">
            <Button variant="link" disabled={!scanPath.trim()} onClick={addFolder}>
              Add folder
            </Button>
            <Button variant="link" aria-expanded={pickerOpen} onClick={() => setPickerOpen((o) => !o)}>
              {pickerOpen ? "Hide folder picker" : "Browse folders"}
            </Button>
          </div>
          {pickerOpen && <DirectoryPicker selected={scanPath} onSelect={(path) => form.setValue("scanPath", path, { shouldValidate: true })} />}
        </fieldset>
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
