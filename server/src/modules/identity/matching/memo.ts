// Bounded memoisation of per-value work. Names, dates and cities repeat heavily across clients, so the
// normalised form is computed once per distinct value; the bound keeps a long-running server, or a batch
// of a million unique addresses, from keeping every value it ever saw.
export function memoize<T>(fn: (value: string) => T, limit = 100_000): (value: string) => T {
  let cache = new Map<string, T>();
  return (value: string) => {
    let out = cache.get(value);
    if (out === undefined && !cache.has(value)) {
      if (cache.size >= limit) cache = new Map();
      out = fn(value);
      cache.set(value, out);
    }
    return out as T;
  };
}
