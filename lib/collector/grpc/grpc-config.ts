import { z } from "zod";

const GrpcEnv = z.object({
  /** 4317 is OTLP/gRPC's registered port, where SDKs and the Collector send by default; 0 turns the receiver off. */
  TRACEBOARD_OTLP_GRPC_PORT: z.coerce.number().int().min(0).max(65_535).default(4317),
  /** All IPv4 interfaces by default, as `next start` listens on every interface. */
  TRACEBOARD_OTLP_GRPC_HOST: z.string().trim().min(1).default("0.0.0.0"),
});

export interface GrpcConfig {
  /** Null when the receiver is off. */
  port: number | null;
  host: string;
}

/** The OTLP/gRPC receiver's settings; a bad value stops the start with a message naming the variable. */
export function loadGrpcConfig(env: Record<string, string | undefined> = process.env): GrpcConfig {
  const parsed = GrpcEnv.safeParse({
    TRACEBOARD_OTLP_GRPC_PORT: env.TRACEBOARD_OTLP_GRPC_PORT || undefined,
    TRACEBOARD_OTLP_GRPC_HOST: env.TRACEBOARD_OTLP_GRPC_HOST || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${String(issue.path[0])}: ${issue.message}`);
  }
  const { TRACEBOARD_OTLP_GRPC_PORT: port, TRACEBOARD_OTLP_GRPC_HOST: host } = parsed.data;
  return { port: port === 0 ? null : port, host };
}
