"use client";
import { useQuery } from "@tanstack/react-query";
import { Section } from "~/components/section";
import { DataTable } from "~/components/ui/data-table";
import { SkeletonRows } from "~/components/ui/skeleton";
import { plural, pluralWord } from "~/lib/plural";
import { useTRPC } from "~/trpc/react";
import { PathText } from "~/components/ui/path-text";

const time = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Files the scans found but could not read (empty, damaged, not what their extension says, a
 *  video ffprobe cannot read), per folder, with the reason and since when: no user sees them. */
export function UnreadableSection() {
  const trpc = useTRPC();
  const list = useQuery(trpc.admin.unreadable.list.queryOptions());
  return (
    <Section id="unreadable-files" title="Unreadable files">
      {list.isPending && <SkeletonRows count={1} />}
      {list.data && list.data.count === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">Every file the scans found could be read.</p>}
      {list.data && list.data.count > 0 && (
        <>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            {plural(list.data.count, "file")} could not be read and {pluralWord(list.data.count, "is", "are")} shown to no one. Replace
            or remove {pluralWord(list.data.count, "it", "them")}: the next scan reads a changed file again.
          </p>
          {list.data.folders.map((f) => (
            <div key={f.folder} className="mb-4 last:mb-0">
              <h3 className="mb-1 text-sm font-medium">
                <PathText path={f.folder} />
              </h3>
              <DataTable headers={["File", "Reason", "Since"]}>
                {f.files.map((file) => (
                  <tr key={file.fileName} className="border-b border-slate-100 dark:border-slate-800 align-top last:border-0">
                    <td className="py-2 pr-4">{file.fileName}</td>
                    <td className="py-2 pr-4">{file.reason}</td>
                    <td className="whitespace-nowrap py-2">{file.since ? time.format(file.since) : "—"}</td>
                  </tr>
                ))}
              </DataTable>
            </div>
          ))}
        </>
      )}
    </Section>
  );
}
