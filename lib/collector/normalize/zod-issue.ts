import type { z } from "zod";
import { messageAt } from "./field-error";

/** The first issue of a failed parse as `path: message`, its path placed under `prefix`. */
export function firstIssueMessage(error: z.ZodError, prefix: readonly PropertyKey[]): string {
  const [issue] = error.issues;
  return messageAt([...prefix, ...issue.path], issue.message);
}
