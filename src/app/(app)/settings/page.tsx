import { getCurrentUser } from "~/server/auth/session";

export const metadata = { title: "Settings · Folio" };

export default async function SettingsPage() {
  const user = (await getCurrentUser())!;
  const rows: [string, string][] = [
    ["Username", user.username],
    ["Name", user.name || "—"],
    ["E-mail", user.email ?? "—"],
  ];
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <section aria-labelledby="account-heading" className="rounded-xl bg-white p-6 shadow-sm">
        <h2 id="account-heading" className="mb-3 text-lg font-semibold">
          Account
        </h2>
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-500">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
          <dt className="text-slate-500">Photo folder</dt>
          <dd>
            {user.scanPath ? <code className="rounded bg-slate-100 px-1">{user.scanPath}</code> : "None yet"}
            <p className="mt-1 text-xs text-slate-500">Only an admin can change it: ask an admin.</p>
          </dd>
        </dl>
      </section>
    </div>
  );
}
