// Exceptions as a Node.js service would throw them: type, message and a stack trace.
import type { PlanException } from "../plan";

/** `frames` are `function (file:line:column)` strings, innermost first. */
export function exception(type: string, message: string, frames: readonly string[]): PlanException {
  const stack = [`${type}: ${message}`, ...frames.map((frame) => `    at ${frame}`)].join("\n");
  return { type, message, stack };
}
