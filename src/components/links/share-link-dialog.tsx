"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, SubmitButton } from "~/components/ui/button";
import { Dialog, DialogButtons } from "~/components/ui/dialog";
import { Form } from "~/components/ui/form";
import { CheckboxField, FormField } from "~/components/ui/form-field";
import { useZodForm } from "~/components/ui/use-zod-form";
import { linkFormSchema, type LinkForm } from "~/lib/form-schemas";
import { endOfLocalDay } from "~/lib/links";
import { plural } from "~/lib/plural";
import { useTRPC } from "~/trpc/react";

/** What a link shows: an album (its photos at each visit) or chosen photos. */
export type LinkTarget = { albumId: string; name: string } | { photoIds: string[] };

/** The "Share link" dialog: an optional expiry day, an optional password and the "Allow
 *  downloading originals" switch; once made, the link's address with a Copy button (shown this
 *  once: only the token's hash is kept). */
export function ShareLinkDialog({ target, onClose }: { target: LinkTarget; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const create = useMutation(trpc.links.create.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.links.list.queryKey() }) }));
  const form = useZodForm(linkFormSchema, { expiresOn: "", password: "", allowDownload: false });
  const [copied, setCopied] = useState(false);
  const what = "albumId" in target ? target.name : plural(target.photoIds.length, "photo");

  async function save(values: LinkForm) {
    await create.mutateAsync({
      ...("albumId" in target ? { albumId: target.albumId } : { photoIds: target.photoIds }),
      expiresAt: values.expiresOn ? endOfLocalDay(values.expiresOn) : undefined,
      password: values.password || undefined,
      allowDownload: values.allowDownload,
    });
  }

  async function copy(url: string) {
    await navigator.clipboard.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  return (
    <Dialog title={`Share link to ${what}`} onClose={onClose}>
      {create.data ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Anyone with this address sees {"albumId" in target ? "the album's photos" : "these photos"} that you can see. It is shown only now: copy it.
          </p>
          <div className="flex gap-2">
            <input
              readOnly
              aria-label="Link address"
              value={create.data.url}
              onFocus={(e) => e.currentTarget.select()}
              className="block min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
            />
            <Button variant="primary" onClick={() => void copy(create.data.url)}>
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <DialogButtons>
            <Button onClick={onClose}>Done</Button>
          </DialogButtons>
        </div>
      ) : (
        <Form form={form} onValid={save} className="space-y-3">
          <FormField form={form} name="expiresOn" type="date" label="Expires after (optional)" hint="Blank: the link works until you revoke it." />
          <FormField form={form} name="password" type="password" autoComplete="new-password" label="Password (optional)" hint="Visitors type it before they see anything." />
          <CheckboxField form={form} name="allowDownload" label="Allow downloading originals" />
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Off, visitors see previews only; a video a browser plays as it is still reaches them as its file, since that is what plays.
          </p>
          <DialogButtons>
            <Button onClick={onClose}>Cancel</Button>
            <SubmitButton busy={form.formState.isSubmitting} busyText="Creating…">
              Create link
            </SubmitButton>
          </DialogButtons>
        </Form>
      )}
    </Dialog>
  );
}
