"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { AdminSection } from "./admin-section";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function UsersSection() {
  const trpc = useTRPC();
  const users = useQuery(trpc.admin.users.list.queryOptions());
  return (
    <AdminSection id="users" title="Users">
      {users.error && <p role="alert" className="text-sm text-red-700">{users.error.message}</p>}
      {users.isPending && <p className="text-sm text-slate-500">Loading users…</p>}
      {users.data && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">Username</th>
                <th scope="col" className="py-2 pr-4 font-medium">Name</th>
                <th scope="col" className="py-2 pr-4 font-medium">E-mail</th>
                <th scope="col" className="py-2 pr-4 font-medium">Scan path</th>
                <th scope="col" className="py-2 pr-4 font-medium">Last login</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id} className="border-b border-slate-100 last:border-0">
                  <td className="py-2 pr-4 font-medium">
                    {u.username}
                    {u.isAdmin && (
                      <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-800">admin</span>
                    )}
                  </td>
                  <td className="py-2 pr-4">{u.name}</td>
                  <td className="py-2 pr-4">{u.email ?? "—"}</td>
                  <td className="py-2 pr-4">{u.scanPath ? <code>{u.scanPath}</code> : <span className="text-slate-400">none</span>}</td>
                  <td className="py-2 pr-4">{u.lastLoginAt ? dateFormat.format(u.lastLoginAt) : "never"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminSection>
  );
}
