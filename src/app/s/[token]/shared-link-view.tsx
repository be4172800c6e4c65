"use client";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button, SubmitButton } from "~/components/ui/button";
import { useModalDialog } from "~/components/ui/dialog";
import { Form } from "~/components/ui/form";
import { FormField } from "~/components/ui/form-field";
import { useZodForm } from "~/components/ui/use-zod-form";
import { linkPasswordFormSchema } from "~/lib/form-schemas";
import { linkMediaUrl } from "~/lib/links";
import { plural } from "~/lib/plural";
import { useTRPC } from "~/trpc/react";

type Photo = { id: string; fileName: string; mediaType: "photo" | "video"; width: number | null; height: number | null; hasPreview: boolean };
type Opened = { title: string | null; allowDownload: boolean; photos: Photo[] };

/**
 * A share link's photos for anyone holding it: the password form first when the link has one
 * (a right password sets the cookie the media need), then a grid of thumbnails; a click opens a
 * lightbox with the large preview (or the video), and a Download button when the owner allowed it.
 */
export function SharedLinkView({ token }: { token: string }) {
  const trpc = useTRPC();
  // kept apart from the mutation's own data, which a refused password would clear
  const [answer, setAnswer] = useState<{ state: "password" } | ({ state: "open" } & Opened)>();
  const open = useMutation(trpc.links.open.mutationOptions({ onSuccess: setAnswer }));
  const form = useZodForm(linkPasswordFormSchema, { password: "" });
  const { mutate } = open;
  useEffect(() => mutate({ token }), [mutate, token]);

  if (open.error && !answer) {
    return (
      <main className="mx-auto max-w-md p-10 text-center">
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">{open.error.message}</p>
      </main>
    );
  }
  if (!answer) return <main className="p-10 text-center text-slate-600 dark:text-slate-400">Loading…</main>;
  if (answer.state === "password") {
    return (
      <main className="mx-auto max-w-sm p-6 sm:p-10">
        <h1 className="mb-2 text-2xl font-semibold">Shared photos</h1>
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">This link has a password. Enter it to see the photos.</p>
        <Form form={form} onValid={({ password }) => open.mutateAsync({ token, password })} className="space-y-3">
          <FormField form={form} name="password" type="password" label="Password" autoComplete="off" autoFocus />
          <SubmitButton busy={form.formState.isSubmitting} busyText="Opening…">
            Open
          </SubmitButton>
        </Form>
      </main>
    );
  }
  return <SharedGrid token={token} opened={answer} />;
}

function SharedGrid({ token, opened }: { token: string; opened: Opened }) {
  const [index, setIndex] = useState<number | null>(null);
  const { photos } = opened;
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-semibold">{opened.title ?? "Shared photos"}</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{plural(photos.length, "item")}</p>
      {photos.length === 0 && <Alert tone="info">There is nothing to see here any more.</Alert>}
      <ul aria-label="Shared photos" className="grid grid-cols-3 gap-1 sm:grid-cols-4 md:grid-cols-6">
        {photos.map((p, i) => (
          <li key={p.id}>
            <button type="button" onClick={() => setIndex(i)} aria-label={`Open ${p.fileName}`} className="block aspect-square w-full overflow-hidden bg-slate-200 dark:bg-slate-800">
              {p.hasPreview && (
                // eslint-disable-next-line @next/next/no-img-element -- served by the media route, not the image optimiser
                <img src={linkMediaUrl(token, p.id, "thumbnail")} alt={p.fileName} loading="lazy" className="h-full w-full object-cover" />
              )}
            </button>
          </li>
        ))}
      </ul>
      {index !== null && photos[index] && (
        <Lightbox token={token} photo={photos[index]} allowDownload={opened.allowDownload} onClose={() => setIndex(null)}
          onPrevious={index > 0 ? () => setIndex(index - 1) : null}
          onNext={index < photos.length - 1 ? () => setIndex(index + 1) : null}
        />
      )}
    </main>
  );
}

type LightboxProps = { token: string; photo: Photo; allowDownload: boolean; onClose: () => void; onPrevious: (() => void) | null; onNext: (() => void) | null };

/** One photo at the large preview size (a video plays), arrows and keys to move, Download when allowed. */
function Lightbox({ token, photo, allowDownload, onClose, onPrevious, onNext }: LightboxProps) {
  const dialog = useModalDialog(onClose);
  const onKey = useCallback(
    (e: KeyboardEvent) => {
      if (e.key === "ArrowLeft") onPrevious?.();
      if (e.key === "ArrowRight") onNext?.();
    },
    [onPrevious, onNext],
  );
  useEffect(() => {
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onKey]);
  return (
    <dialog {...dialog} aria-label={photo.fileName} className="m-0 h-full max-h-none w-full max-w-none bg-black p-0 text-white backdrop:bg-black">
      <div className="flex h-full flex-col">
        <div className="flex items-center gap-2 p-2">
          <p className="mr-auto truncate text-sm">{photo.fileName}</p>
          {allowDownload && (
            <a href={linkMediaUrl(token, photo.id, "original")} download={photo.fileName} className="rounded-md px-2.5 py-1.5 text-sm font-medium hover:bg-white/10">
              Download
            </a>
          )}
          <Button onClick={onClose}>Close</Button>
        </div>
        <div className="relative flex min-h-0 flex-1 items-center justify-center">
          {photo.mediaType === "video" ? (
            <video key={photo.id} src={linkMediaUrl(token, photo.id, "playback")} controls autoPlay className="max-h-full max-w-full" />
          ) : (
            // eslint-disable-next-line @next/next/no-img-element -- served by the media route, not the image optimiser
            <img key={photo.id} src={linkMediaUrl(token, photo.id, "thumbnail", "large")} alt={photo.fileName} className="max-h-full max-w-full object-contain" />
          )}
          {onPrevious && (
            <button type="button" onClick={onPrevious} aria-label="Previous" className="absolute left-2 rounded-full bg-black/50 px-3 py-2 text-2xl">
              ‹
            </button>
          )}
          {onNext && (
            <button type="button" onClick={onNext} aria-label="Next" className="absolute right-2 rounded-full bg-black/50 px-3 py-2 text-2xl">
              ›
            </button>
          )}
        </div>
      </div>
    </dialog>
  );
}
