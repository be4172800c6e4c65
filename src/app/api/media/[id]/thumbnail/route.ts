import { requireRequestUser } from "~/server/auth/request-user";
import { mediaError, serveThumbnail } from "~/server/library/media";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const size = new URL(req.url).searchParams.get("size") === "large" ? "large" : "small";
  return requireRequestUser()
    .then(async (user) => serveThumbnail(user, (await params).id, size, req.headers.get("if-none-match")))
    .catch(mediaError);
}
