// `--if-empty`: asks the server how many spans it holds before sending anything.
import { z } from "zod";

export const Statistics = z.object({ total_spans: z.number().int().nonnegative() });
export type Statistics = z.infer<typeof Statistics>;

export async function fetchTotalSpans(url: string, token: string | undefined, fetchImpl: typeof fetch = fetch): Promise<number> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new Error(`GET ${url} failed: ${(error as Error).message}`);
  }
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  const parsed = Statistics.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new Error(`GET ${url} did not answer JSON with a total_spans count`);
  return parsed.data.total_spans;
}
