/** Only same-site paths are followed after sign-in, so a link cannot send a user elsewhere. */
export function safeCallbackPath(value: string | string[] | undefined, fallback = "/photos") {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v?.startsWith("/")) return fallback;
  // the URL parser drops tabs and newlines and reads \ as /: judge the URL it will make
  const base = "http://folio.invalid";
  const url = new URL(v, base);
  return url.origin === base ? url.pathname + url.search + url.hash : fallback;
}
