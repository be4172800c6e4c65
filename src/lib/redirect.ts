/** Only same-site paths are followed after sign-in, so a link cannot send a user elsewhere. */
export function safeCallbackPath(value: string | string[] | undefined, fallback = "/photos") {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : fallback;
}
