import type { FastifyRequest } from "fastify";

/** The audit trail: who did what, with what outcome; never the key itself. */
export function auditRequest(request: FastifyRequest, outcome: { status: number; ms: number }): void {
  request.log.info(
    {
      audit: true,
      principal: request.principal?.name,
      role: request.principal?.role,
      method: request.method,
      route: request.routeOptions.url,
      status: outcome.status,
      ms: Math.round(outcome.ms),
    },
    "api request",
  );
}
