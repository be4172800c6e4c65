"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { buttonClass } from "~/components/modal";
import { useTRPC } from "~/trpc/react";
import { Section } from "~/components/section";
import { DeleteUserDialog } from "./delete-user-dialog";
import { UserDialog, type EditableUser } from "./user-dialog";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

type Dialog = { kind: "create" } | { kind: "edit"; user: EditableUser } | { kind: "delete"; user: EditableUser } | null;

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
      <div className="mb-4 flex items-center justify-between gap-4">
        <p className="text-sm text-slate-600">
          Each user sees the photos under their scan path. Only admins set scan paths.
        </p>
        <button type="button" className={buttonClass.primary} onClick={() => setDialog({ kind: "create" })}>
          Create user
        </button>
      </div>
      {users.error && <p role="alert" className="text-sm text-red-700">{users.error.message}</p>}
      {scan.error && <p role="alert" className="text-sm text-red-700">{scan.error.message}</p>}
      {users.isPending && <p className="text-sm text-slate-500">Loading users…</p>}
      {users.data && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-500">
              <tr>
                {["Username", "Name", "E-mail", "Scan path", "Photos", "Last login"].map((h) => (
                  <th key={h} scope="col" className="py-2 pr-4 font-medium">
                    {h}
                  </th>
                ))}
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id} className="border-b border-slate-100 align-top last:border-0">
                  <td className="py-2 pr-4 font-medium">
                    {u.username}
                    {u.isAdmin && <Badge className="bg-amber-100 text-amber-800">admin</Badge>}
                    {u.selfRegistered && <Badge className="bg-sky-100 text-sky-800">self-registered</Badge>}
                  </td>
                  <td className="py-2 pr-4">{u.name}</td>
                  <td className="py-2 pr-4">{u.email ?? "—"}</td>
                  <td className="py-2 pr-4">
                    {u.scanPath ? <code className="break-all">{u.scanPath}</code> : <span className="text-slate-400">none</span>}
                    {u.sharedWith.length > 0 && (
                      <p className="text-xs text-slate-500">shared with {u.sharedWith.join(", ")}</p>
                    )}
                  </td>
                  <td className="py-2 pr-4 tabular-nums">{u.photoCount}</td>
                  <td className="py-2 pr-4">{u.lastLoginAt ? dateFormat.format(u.lastLoginAt) : "never"}</td>
                  <td className="whitespace-nowrap py-2 text-right">
                    {u.scanPath && (
                      <button
                        type="button"
                        className={`${buttonClass.link} mr-3`}
                        aria-label={`Scan now for ${u.username}`}
                        onClick={() => scan.mutate({ userId: u.id })}
                      >
                        Scan now
                      </button>
                    )}
                    <button type="button" className={buttonClass.link} aria-label={`Edit ${u.username}`} onClick={() => setDialog({ kind: "edit", user: u })}>
                      Edit
                    </button>
                    {u.id !== currentUserId && (
                      <button
                        type="button"
                        className={`${buttonClass.link} ml-3 text-red-700`}
                        aria-label={`Delete ${u.username}`}
                        onClick={() => setDialog({ kind: "delete", user: u })}
                      >
                        Delete
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === "create" && <UserDialog onClose={close} />}
      {dialog?.kind === "edit" && <UserDialog user={dialog.user} onClose={close} />}
      {dialog?.kind === "delete" && <DeleteUserDialog user={dialog.user} onClose={close} />}
    </Section>
  );
}

function Badge({ className, children }: { className: string; children: string }) {
  return <span className={`ml-2 rounded px-1.5 py-0.5 text-xs font-semibold ${className}`}>{children}</span>;
}
