// Next.js calls register() once per server process, before serving (never during next build).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { onServerStart } = await import("./server/boot");
  await onServerStart();
}
