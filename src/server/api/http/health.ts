import { checkHealth } from "~/server/services/health";

/** GET /api/health for load balancers and container health checks: 200 when this process can
 *  serve, else 503, with the body of services/health.ts. */
export async function healthGET() {
  const { ok, body } = await checkHealth();
  return Response.json(body, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
