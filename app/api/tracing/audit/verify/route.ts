// GET /api/tracing/audit/verify - walk the audit hash chain and report the first broken link
import { VerifyAuditChainEndpoint } from "@/lib/api/contracts/audit";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(async () => Response.json(await verifyAuditChain()), { route: VerifyAuditChainEndpoint.path });
