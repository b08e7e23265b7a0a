/**
 * A typed array appended to one value at a time, doubling when full: the compact view's
 * attribute pairs and events, whose number is only known at the end. Pushing into a
 * number[] and copying it out (Int32Array.from) cost more for 400,000 attribute values.
 */
export class GrowingColumn<T extends Int32Array | Float64Array> {
  private values: T;
  private length = 0;

  constructor(
    private readonly make: (length: number) => T,
    capacity: number,
  ) {
    this.values = make(Math.max(16, capacity));
  }

  get size(): number {
    return this.length;
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = this.make(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  /** The values pushed, without copying them. */
  filled(): T {
    return this.values.subarray(0, this.length) as T;
  }
}
