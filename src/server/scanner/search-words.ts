// A photo's search words (PhotoSearch, and a copy on the Photo row: Photo.searchWords), written
// with its row in the scan's transaction, so the full-text index never lags behind the index of
// files (its triggers follow the table).
import { realpathSync } from "node:fs";
import path from "node:path";
import { env } from "~/env";
import { photoSearchText } from "~/lib/search-words";
import type { Tx } from "~/server/db";
import { isInside } from "~/server/library/paths";

/** The Photo columns the words come from. */
export type SearchedPhoto = {
  id: string;
  directory: string;
  fileName: string;
  title: string | null;
  description: string | null;
  cameraMake: string | null;
  cameraModel: string | null;
  lens: string | null;
};
export const SEARCHED_COLUMNS = { id: true, directory: true, fileName: true, title: true, description: true, cameraMake: true, cameraModel: true, lens: true } as const;

let root: string | undefined;
/** The folder names a photo is found by: its directory below the library root (the names above
 *  it are the same for every photo and would match them all). */
function folderWords(directory: string) {
  if (root === undefined) {
    try {
      root = realpathSync(env.LIBRARY_ROOT);
    } catch {
      root = path.resolve(env.LIBRARY_ROOT);
    }
  }
  return isInside(directory, root) ? path.relative(root, directory) : directory;
}

/** PhotoSearch.words of a photo with these file keywords (lib/search-words.ts photoSearchText). */
export const photoWords = (photo: SearchedPhoto, keywords: string[]) => photoSearchText({ ...photo, folder: folderWords(photo.directory), keywords });

/** The longest words, in UTF-8 bytes, kept on the Photo row too (Photo.searchWords): with the
 *  folder and the rest of its index entry, well inside PostgreSQL's 2,704 bytes a B-tree entry
 *  may take; the words of most photos take under 100. */
export const INLINE_WORDS_MAX = 512;

/** Photo.searchWords for these words: the words, or null when they are longer than
 *  INLINE_WORDS_MAX (a search then reads them from PhotoSearch). */
export const inlineWords = (words: string) => (Buffer.byteLength(words) <= INLINE_WORDS_MAX ? words : null);

/** Writes (or rewrites) the search words of `photo` in `tx`, the scan's transaction: the
 *  PhotoSearch row (the full-text index follows it) and their copy on the Photo row. */
export async function writePhotoSearch(tx: Pick<Tx, "photoSearch" | "photo">, photo: SearchedPhoto, keywords: string[]) {
  const words = photoWords(photo, keywords);
  await tx.photoSearch.upsert({ where: { photoId: photo.id }, create: { photoId: photo.id, words }, update: { words } });
  await tx.photo.update({ where: { id: photo.id }, data: { searchWords: inlineWords(words) } });
}
