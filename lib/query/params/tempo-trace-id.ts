import { z } from "zod";

/**
 * A trace id as Tempo reads it (pkg/util/traceid.go): hex digits, upper or lower case, at
 * most 128 bits, left-padded with zeros (an odd count too), as the stored 32 lowercase
 * digits. Its 400s are Tempo's messages.
 */
export const tempoTraceIdParam = z
  .string()
  .meta({ description: "1 to 32 hex digits (a 64-bit id is left-padded)" })
  .transform((text, context) => {
    const bad = [...text].findIndex((char) => !/[0-9a-fA-F]/.test(char));
    if (bad >= 0) {
      context.addIssue({ code: "custom", message: `trace IDs can only contain hex characters: invalid character '${[...text][bad]}' at position ${bad + 1}` });
      return z.NEVER;
    }
    const even = text.length % 2 === 1 ? `0${text}` : text;
    if (even.length > 32) {
      context.addIssue({ code: "custom", message: "trace IDs can't be larger than 128 bits" });
      return z.NEVER;
    }
    return even.toLowerCase().padStart(32, "0");
  });
