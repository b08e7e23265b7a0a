import { z } from "zod";

/** `input`, then `convert`; a null result is an issue with `message` at the field's path. */
export function converted<Input, Output>(
  input: z.ZodType<Input>,
  convert: (value: Input) => Output | null,
  message: string,
) {
  return input.transform((value, context) => {
    const output = convert(value);
    if (output !== null) return output;
    context.issues.push({ code: "custom", message, input: value });
    return z.NEVER;
  });
}
