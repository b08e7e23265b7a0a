"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

/**
 * A page's view state kept in the URL query string, so a link reproduces the view.
 * `update` merges: a null, undefined or empty value removes that parameter.
 */
export function useUrlState(): {
  params: URLSearchParams;
  get(key: string): string | null;
  getAll(key: string): string[];
  update(changes: Record<string, string | readonly string[] | null | undefined>, options?: { replace?: boolean }): void;
} {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const params = useMemo(() => new URLSearchParams(searchParams.toString()), [searchParams]);

  const update = useCallback(
    (changes: Record<string, string | readonly string[] | null | undefined>, options: { replace?: boolean } = {}) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        next.delete(key);
        for (const item of Array.isArray(value) ? value : [value]) if (item) next.append(key, item);
      }
      const query = next.toString();
      const href = query ? `${pathname}?${query}` : pathname;
      if (options.replace) router.replace(href, { scroll: false });
      else router.push(href, { scroll: false });
    },
    [pathname, router, searchParams],
  );

  return { params, get: (key) => params.get(key), getAll: (key) => params.getAll(key), update };
}
