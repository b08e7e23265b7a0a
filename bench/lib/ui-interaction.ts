// One timed interaction in the page for bench:ui's statistics and span-link rows: a
// click (or a <select> change) and the time until the page shows its outcome, measured
// inside the page so no round trip to Playwright counts.
import type { Page } from "@playwright/test";

export interface Interaction {
  /** A click on the element matching this selector, or a new value for a native <select>. */
  act: { click: string } | { select: string; value: string };
  /** The selector the page matches once the outcome is rendered (or stops matching, with `absent`). */
  until: string;
  absent?: boolean;
}

const TIMEOUT_MS = 60_000;

/**
 * Milliseconds from the action to the first task after the frame that follows the page
 * matching `until`: rendered, painted, and the main thread free to take the next input,
 * as bench/ui.ts times "interactive". The condition must not hold before the action.
 */
export function timeInteraction(page: Page, interaction: Interaction): Promise<number> {
  return page.evaluate(
    ({ act, until, absent, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const matched = () => (document.querySelector(until) === null) === Boolean(absent);
        if (matched()) return reject(new Error(`"${until}" already ${absent ? "absent" : "present"} before the action`));
        const target = document.querySelector<HTMLElement>("click" in act ? act.click : act.select);
        if (!target) return reject(new Error(`nothing to act on: ${JSON.stringify(act)}`));
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`"${until}" not ${absent ? "gone" : "shown"} within ${timeoutMs} ms`));
        }, timeoutMs);
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!matched()) return;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
        });
        observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
        if ("click" in act) target.click();
        else {
          // React tracks a select's value: set it through the native setter so the change event counts.
          Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!.call(target, act.value);
          target.dispatchEvent(new Event("change", { bubbles: true }));
        }
      }),
    { ...interaction, timeoutMs: TIMEOUT_MS },
  );
}
