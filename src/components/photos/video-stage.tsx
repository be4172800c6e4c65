"use client";
import { useState, type ReactNode } from "react";
import type { PhotoDetail } from "~/lib/photos";

type Video = Pick<PhotoDetail, "id" | "fileName" | "thumbnailState" | "playback">;

const note = "max-w-prose rounded-md border border-slate-700 bg-slate-900/90 px-3 py-2 text-center text-sm text-slate-200";
const link = "font-medium text-sky-300 underline hover:text-sky-200";

/** A sentence ending in one full stop, whatever the reason it quotes ended with. */
const sentence = (text: string) => `${text.trim().replace(/[.\s]+$/, "")}.`;

/** What a browser's MediaError means, in plain words. */
function mediaErrorText(error: MediaError | null): string {
  switch (error?.code) {
    case 2: // MEDIA_ERR_NETWORK
      return "the connection failed while loading it";
    case 3: // MEDIA_ERR_DECODE
      return "it could not be decoded";
    case 4: // MEDIA_ERR_SRC_NOT_SUPPORTED: also what an HTTP error on the source reads as
      return "the file or its format is not supported here";
    default:
      return "it stopped loading";
  }
}

/** The poster frame (the large thumbnail) or, without one, the file name. */
function Poster({ v }: { v: Video }) {
  if (v.thumbnailState !== "ready") return <p className="text-slate-400">{v.fileName}</p>;
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img src={`/api/media/${v.id}/thumbnail?size=large`} alt={v.fileName} className="min-h-0 max-w-full object-contain" />
  );
}

/** The poster with a message under it, in place of a player. */
function Stand({ v, children }: { v: Video; children: ReactNode }) {
  return (
    <div className="flex h-full max-h-full w-full flex-col items-center justify-center gap-3">
      <Poster v={v} />
      {children}
    </div>
  );
}

function Download({ v, children }: { v: Video; children: ReactNode }) {
  return (
    <a href={`/api/media/${v.id}/original`} download={v.fileName} className={link}>
      {children}
    </a>
  );
}

/** A video in the viewer: the player once the browser can play it (the original, or a
 *  rendition when ready); while the rendition is made, the poster and a note (the viewer asks
 *  again every few seconds); when it cannot be made, or the browser cannot play what it gets,
 *  the poster and a link to the original. `onPlaybackError` lets the viewer ask the server again:
 *  a "ready" rendition may have gone. Key it by id and playback state, so each starts clean. */
export function VideoStage({ v, onPlaybackError }: { v: Video; onPlaybackError?: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const status = v.playback?.status ?? "failed";

  if (status === "pending") {
    return (
      <Stand v={v}>
        <p role="status" className={note}>
          This video is being converted so your browser can play it. Check back in a few minutes.
        </p>
      </Stand>
    );
  }
  if (status === "failed") {
    return (
      <Stand v={v}>
        <p role="alert" className={note}>
          This video can&apos;t be played in the browser{v.playback?.reason ? `: ${sentence(v.playback.reason)}` : "."}{" "}
          <Download v={v}>Download the original</Download> instead.
        </p>
      </Stand>
    );
  }
  if (error) {
    return (
      <Stand v={v}>
        <p role="alert" className={note}>
          Your browser couldn&apos;t play this video: {error}.{" "}
          <button type="button" className={link} onClick={() => {
              setError(null);
              setAttempt((n) => n + 1);
            }}>
            Try again
          </button>{" "}
          or <Download v={v}>download the original</Download>.
        </p>
      </Stand>
    );
  }
  return (
    <video
      // a new element per attempt, so "Try again" loads the source afresh
      key={attempt}
      controls
      playsInline
      preload="metadata"
      poster={v.thumbnailState === "ready" ? `/api/media/${v.id}/thumbnail?size=large` : undefined}
      src={`/api/media/${v.id}/playback`}
      aria-label="Video player"
      data-testid="video-player"
      className="max-h-full min-h-0 max-w-full bg-black"
      onError={(e) => {
        setError(mediaErrorText(e.currentTarget.error));
        onPlaybackError?.();
      }}
    />
  );
}
