/**
 * Roll-up recomputes wait for the span writes in flight. A span's insert trigger marks
 * its parent's roll-up bucket only if it sees the parent, and two instances writing a
 * parent and its child at once do not see each other's uncommitted rows: only the
 * parent's own insert marks the parent's bucket, where the edge to the child is counted.
 * A recompute of that bucket after the parent committed but before the child did would
 * then miss the edge for good (nothing marks the bucket again). So every span write
 * holds a shared lock for its whole transaction, and a recompute, once it has read the
 * counters it will record, waits for the writers holding one: a writer whose trigger
 * could have missed a span the recompute reads has committed by then, and any later
 * writer's trigger sees that span and marks its bucket again.
 */

/** pg_advisory lock key of span writes ("tbsw"); the roll-up and maintainer locks use other keys. */
const SPAN_WRITES_LOCK_KEY = 0x74627377;

/** The first statement of every transaction that inserts spans: a shared hold, released at its end. */
export const HOLD_SPAN_WRITES_SQL = `SELECT pg_advisory_xact_lock_shared(${SPAN_WRITES_LOCK_KEY})`;

/**
 * Waits until every span write open now has ended: takes the lock exclusively and
 * releases it in the same statement, so it can never stay held. Writers starting
 * meanwhile queue behind it for that moment only.
 */
export const AWAIT_SPAN_WRITES_SQL = `SELECT pg_advisory_unlock(${SPAN_WRITES_LOCK_KEY})
  FROM (SELECT pg_advisory_lock(${SPAN_WRITES_LOCK_KEY}) OFFSET 0) AS waited`;
