import { checkHealth } from "~/server/services/health";

export const dynamic = "force-dynamic";

/** For load balancers and container health checks: 200 when this process can serve, else 503. */
export async function GET() {
  const { ok, body } = await checkHealth();
  return Response.json(body, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
