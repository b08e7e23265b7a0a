// GET /api/tracing/audit/verify - walk the audit hash chain and report the first broken link
import { VerifyAuditChainEndpoint } from "@/lib/api/contracts/audit";
import { defineRoute } from "@/lib/api/define-route";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(VerifyAuditChainEndpoint, () => verifyAuditChain()), { route: VerifyAuditChainEndpoint.path });
