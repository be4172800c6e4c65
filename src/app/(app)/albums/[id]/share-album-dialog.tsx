"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Button, SubmitButton } from "~/components/ui/button";
import { Dialog, DialogButtons } from "~/components/ui/dialog";
import { Form } from "~/components/ui/form";
import { FormField } from "~/components/ui/form-field";
import { useZodForm } from "~/components/ui/use-zod-form";
import { albumShareFormSchema } from "~/lib/form-schemas";
import { useTRPC } from "~/trpc/react";

const ROLE_TEXT = { viewer: "Viewer: sees the photos", contributor: "Contributor: sees the photos and may add their own" } as const;

/** The owner's Share dialog: share the album with a user picked by username as viewer or
 *  contributor (sharing again changes the role), and the list of who has access, each with a
 *  Revoke button that asks first. */
export function ShareAlbumDialog({ album, onClose }: { album: { id: string; name: string }; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const users = useQuery(trpc.users.directory.queryOptions());
  const shares = useQuery(trpc.albums.shares.queryOptions({ albumId: album.id }));
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.albums.shares.queryKey({ albumId: album.id }) });
  const share = useMutation(trpc.albums.share.mutationOptions({ onSuccess: refresh }));
  const unshare = useMutation(trpc.albums.unshare.mutationOptions({ onSuccess: refresh }));
  const [revoking, setRevoking] = useState<{ userId: string; username: string } | null>(null);
  const form = useZodForm(albumShareFormSchema, { username: "", role: "viewer" });
  const listId = useId();
  const roleId = useId();

  async function save({ username, role }: z.output<typeof albumShareFormSchema>) {
    const user = users.data?.find((u) => u.username === username);
    if (!user) {
      form.setError("username", { message: "No other user has that username." });
      return;
    }
    await share.mutateAsync({ albumId: album.id, userId: user.id, role });
    form.reset({ username: "", role });
  }

  return (
    <Dialog title={`Share ${album.name}`} onClose={onClose} wide>
      <Form form={form} onValid={save} className="space-y-3">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <FormField form={form} name="username" label="Username" list={listId} autoComplete="off" autoFocus className="min-w-0 sm:flex-1" />
          <datalist id={listId}>
            {users.data?.map((u) => (
              <option key={u.id} value={u.username}>
                {"name" in u && u.name ? u.name : u.username}
              </option>
            ))}
          </datalist>
          <div className="space-y-1">
            <label htmlFor={roleId} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
              Role
            </label>
            <select
              id={roleId}
              {...form.register("role")}
              className="block rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm dark:border-slate-700 dark:bg-slate-900"
            >
              <option value="viewer">{ROLE_TEXT.viewer}</option>
              <option value="contributor">{ROLE_TEXT.contributor}</option>
            </select>
          </div>
          <SubmitButton busy={form.formState.isSubmitting} busyText="Sharing…">
            Share
          </SubmitButton>
        </div>
      </Form>
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
        They see the album&apos;s photos that you can see, for as long as you can see them.
      </p>
      <h3 className="mt-6 mb-2 font-semibold">Who has access</h3>
      <Alert>{shares.error?.message ?? unshare.error?.message}</Alert>
      {shares.data?.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">Only you.</p>}
      <ul aria-label="Who has access" className="divide-y divide-slate-200 dark:divide-slate-700">
        {shares.data?.map((s) => (
          <li key={s.userId} className="flex flex-wrap items-center gap-3 py-2">
            <span className="font-medium">{s.username}</span>
            <span className="text-sm text-slate-600 dark:text-slate-400">{s.role === "contributor" ? "Contributor" : "Viewer"}</span>
            {revoking?.userId === s.userId ? (
              <span className="ml-auto flex items-center gap-2">
                <span className="text-sm">Revoke {s.username}&apos;s access?</span>
                <Button onClick={() => setRevoking(null)}>Cancel</Button>
                <Button
                  variant="danger"
                  disabled={unshare.isPending}
                  onClick={() => unshare.mutate({ albumId: album.id, userId: s.userId }, { onSuccess: () => setRevoking(null) })}
                >
                  Revoke access
                </Button>
              </span>
            ) : (
              <Button variant="dangerLink" className="ml-auto" onClick={() => setRevoking(s)}>
                Revoke
              </Button>
            )}
          </li>
        ))}
      </ul>
      <DialogButtons>
        <Button onClick={onClose}>Done</Button>
      </DialogButtons>
    </Dialog>
  );
}
