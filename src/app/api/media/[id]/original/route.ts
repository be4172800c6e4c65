import { requireRequestUser } from "~/server/auth/request-user";
import { mediaError, serveOriginal } from "~/server/library/media";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return requireRequestUser()
    .then(async (user) => serveOriginal(user, (await params).id, req.headers.get("range"), req.headers.get("if-none-match")))
    .catch(mediaError);
}
