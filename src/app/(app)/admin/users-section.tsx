"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Section } from "~/components/section";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { DataTable } from "~/components/ui/data-table";
import { SkeletonRows } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { DeleteUserDialog } from "./delete-user-dialog";
import { FullRescanDialog } from "./full-rescan-dialog";
import { UserDialog, type EditableUser } from "./user-dialog";
import { PathText } from "~/components/ui/path-text";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

type Dialog =
  | { kind: "create" }
  | { kind: "edit"; user: EditableUser }
  | { kind: "delete"; user: EditableUser }
  | { kind: "rescan"; user: EditableUser }
  | null;

/** Every user with their folder and photo count, and the dialogs to create, edit and delete them. */
export function UsersSection({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const users = useQuery(trpc.admin.users.list.queryOptions());
  const [dialog, setDialog] = useState<Dialog>(null);
  const queryClient = useQueryClient();
  const scan = useMutation(
    trpc.scan.start.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.jobs.list.queryKey() }) }),
  );
  const close = () => setDialog(null);

  return (
    <Section id="users" title="Users">
      <div className="mb-4 flex flex-col items-start gap-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Each user sees the photos under their scan folders. Only admins set scan folders.
        </p>
        <Button variant="primary" onClick={() => setDialog({ kind: "create" })}>
          Create user
        </Button>
      </div>
      <Alert className="mb-3">{users.error?.message}</Alert>
      <Alert className="mb-3">{scan.error?.message}</Alert>
      {users.isPending && <SkeletonRows />}
      {users.data && (
        <DataTable
          headers={["Username", "Name", "E-mail", "Scan folders", "Photos", "Last login", { label: "Actions", srOnly: true, className: "" }]}
        >
          {users.data.map((u) => (
            <tr key={u.id} className="border-b border-slate-100 dark:border-slate-800 align-top last:border-0">
              <td className="py-2 pr-4 font-medium">
                {u.username}
                {u.isAdmin && <Badge tone="warning" className="ml-2">admin</Badge>}
                {u.selfRegistered && <Badge tone="info" className="ml-2">self-registered</Badge>}
              </td>
              <td className="py-2 pr-4">{u.name}</td>
              <td className="py-2 pr-4">{u.email ?? "—"}</td>
              <td className="py-2 pr-4">
                {u.scanPaths.length ? (
                  <ul>
                    {u.scanPaths.map((p) => (
                      <li key={p}>
                        <PathText path={p} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-slate-400 dark:text-slate-500">none</span>
                )}
                {u.sharedWith.length > 0 && (
                  <p className="text-xs text-slate-500 dark:text-slate-400">shared with {u.sharedWith.join(", ")}</p>
                )}
              </td>
              <td className="py-2 pr-4 tabular-nums">{u.photoCount}</td>
              <td className="py-2 pr-4">{u.lastLoginAt ? dateFormat.format(u.lastLoginAt) : "never"}</td>
              <td className="whitespace-nowrap py-2 text-right">
                {u.scanPaths.length > 0 && (
                  <Button variant="link" className="mr-3" aria-label={`Scan now for ${u.username}`} onClick={() => scan.mutate({ userId: u.id })}>
                    Scan now
                  </Button>
                )}
                {u.scanPaths.length > 0 && (
                  <Button variant="link" className="mr-3" aria-label={`Full rescan for ${u.username}`} onClick={() => setDialog({ kind: "rescan", user: u })}>
                    Full rescan
                  </Button>
                )}
                <Button variant="link" aria-label={`Edit ${u.username}`} onClick={() => setDialog({ kind: "edit", user: u })}>
                  Edit
                </Button>
                {u.id !== currentUserId && (
                  <Button variant="dangerLink" className="ml-3" aria-label={`Delete ${u.username}`} onClick={() => setDialog({ kind: "delete", user: u })}>
                    Delete
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {dialog?.kind === "create" && <UserDialog onClose={close} />}
      {dialog?.kind === "edit" && <UserDialog user={dialog.user} onClose={close} />}
      {dialog?.kind === "delete" && <DeleteUserDialog user={dialog.user} onClose={close} />}
      {dialog?.kind === "rescan" && <FullRescanDialog user={dialog.user} onClose={close} />}
    </Section>
  );
}
