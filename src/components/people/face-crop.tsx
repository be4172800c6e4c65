import { faceCropUrl } from "~/lib/people";

/** A face's square crop in a circle (the server's 160 px WebP). `alt` "" when a name beside it
 *  already says who it is. Lazy: the People page may hold hundreds. */
export function FaceCrop({ faceId, alt = "", className = "h-12 w-12" }: { faceId: string; alt?: string; className?: string }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img src={faceCropUrl(faceId)} alt={alt} loading="lazy" decoding="async" draggable={false} className={`shrink-0 rounded-full bg-slate-200 object-cover dark:bg-slate-700 ${className}`} />
  );
}
