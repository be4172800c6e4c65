import { Section } from "~/components/section";
import { requireUser } from "~/app/guard";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";
import { PathText } from "~/components/ui/path-text";

export const metadata = { title: "Settings · Folio" };


export default async function SettingsPage() {
  const user = await requireUser();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <Section id="account-heading" title="Account">
        <dl className="mb-6 grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-slate-500 dark:text-slate-400">Username</dt>
          <dd>{user.username}</dd>
          <dt className="text-slate-500 dark:text-slate-400">{user.scanPaths.length > 1 ? "Photo folders" : "Photo folder"}</dt>
          <dd>
            {user.scanPaths.length > 0 ? (
              <ul className="space-y-1">
                {user.scanPaths.map((p) => (
                  <li key={p}>
                    <PathText path={p} className="rounded bg-slate-100 dark:bg-slate-800 px-1" />
                  </li>
                ))}
              </ul>
            ) : (
              "None yet"
            )}
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Only an admin can change it: ask an admin.</p>
          </dd>
        </dl>
        <ProfileForm name={user.name} email={user.email} />
      </Section>
      <Section id="password-heading" title="Password">
        <PasswordForm username={user.username} />
      </Section>
    </div>
  );
}
