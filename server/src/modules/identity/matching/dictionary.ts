// Interning: equal strings get equal small integers, so exact agreement in the hot loop is an integer
// comparison and per-value work (skeletons, term frequencies) is done once per distinct value.
export class Dictionary {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  get size(): number {
    return this.values.length;
  }
}
