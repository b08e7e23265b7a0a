/**
 * The before/after values of an audit event as a flat list of changed paths
 * (`user.roles[1]`), so the timeline can show what an update did. Pure.
 */

export type DiffKind = "added" | "removed" | "changed";

export interface DiffRow {
  /** Dotted path with `[index]` for array items; "" for the value as a whole. */
  path: string;
  kind: DiffKind;
  before?: unknown;
  after?: unknown;
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null;
}

function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
}

/** Keys of both sides, those of `before` first, in their own order. */
function keysOf(before: Container, after: Container): Array<string | number> {
  if (Array.isArray(before) && Array.isArray(after)) return Array.from({ length: Math.max(before.length, after.length) }, (_, index) => index);
  const keys = Object.keys(before);
  for (const key of Object.keys(after)) if (!Object.hasOwn(before, key)) keys.push(key);
  return keys;
}

function has(container: Container, key: string | number): boolean {
  return Array.isArray(container) ? typeof key === "number" && key < container.length : Object.hasOwn(container, key as string);
}

function at(container: Container, key: string | number): unknown {
  return (container as Record<string | number, unknown>)[key];
}

interface Frame {
  path: string;
  before: unknown;
  after: unknown;
  hasBefore: boolean;
  hasAfter: boolean;
}

/**
 * The frames to walk instead of comparing `frame` as a leaf: the keys of two containers of
 * the same kind, or of a non-empty container present on one side only (its leaves are
 * then each added or removed). Null when `frame` is a leaf.
 */
function childrenOf(frame: Frame): Frame[] | null {
  const left = frame.hasBefore ? frame.before : undefined;
  const right = frame.hasAfter ? frame.after : undefined;
  const bothContainers = isContainer(left) && isContainer(right) && Array.isArray(left) === Array.isArray(right);
  const lone = frame.hasBefore !== frame.hasAfter ? (left ?? right) : undefined;
  const loneContainer = isContainer(lone) && Object.keys(lone).length > 0;
  if (!bothContainers && !loneContainer) return null;
  const empty: Container = Array.isArray(left ?? right) ? [] : {};
  const leftSide = isContainer(left) ? left : empty;
  const rightSide = isContainer(right) ? right : empty;
  return keysOf(leftSide, rightSide).map((key) => ({
    path: childPath(frame.path, key),
    before: at(leftSide, key),
    after: at(rightSide, key),
    hasBefore: has(leftSide, key),
    hasAfter: has(rightSide, key),
  }));
}

/**
 * The leaves that differ between `before` and `after`, in document order. Objects are
 * compared key by key and arrays index by index (iteratively, so depth is no risk); a
 * null or missing side at the top makes every leaf of the other added or removed.
 */
export function diffValues(before: unknown, after: unknown): DiffRow[] {
  const rows: DiffRow[] = [];
  const present = (value: unknown) => value !== undefined && value !== null;
  const stack: Frame[] = [{ path: "", before, after, hasBefore: present(before), hasAfter: present(after) }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const children = childrenOf(frame);
    if (children) {
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
    } else if (frame.hasBefore && !frame.hasAfter) {
      rows.push({ path: frame.path, kind: "removed", before: frame.before });
    } else if (!frame.hasBefore && frame.hasAfter) {
      rows.push({ path: frame.path, kind: "added", after: frame.after });
    } else if (frame.hasBefore && JSON.stringify(frame.before) !== JSON.stringify(frame.after)) {
      rows.push({ path: frame.path, kind: "changed", before: frame.before, after: frame.after });
    }
  }
  return rows;
}

/** A diff value as one line of text (strings quoted, so `"1"` and `1` differ visibly). */
export function formatDiffValue(value: unknown): string {
  if (value === undefined) return "";
  return JSON.stringify(value) ?? String(value);
}
