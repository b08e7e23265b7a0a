/** Distinct items in first-seen order, each known by its index; `keyOf` says which items are the same. */
export class InternTable<T> {
  readonly items: T[] = [];
  private readonly indexes = new Map<string, number>();

  constructor(private readonly keyOf: (item: T) => string) {}

  index(item: T): number {
    const key = this.keyOf(item);
    let index = this.indexes.get(key);
    if (index === undefined) {
      this.indexes.set(key, (index = this.items.length));
      this.items.push(item);
    }
    return index;
  }
}
