// Clustering of auto-merge links. Plain connected components would chain: A~B and B~C merge A and C even
// when A and C plainly differ. So links are taken most probable first (Kruskal) and a
// link that would join two groups is refused when any pair across them is strongly contradicted, or when
// the result would exceed the size cap.

export interface Links {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly weight: Float64Array;
  readonly probability: Float64Array;
  readonly length: number;
}

export interface ClusterOptions {
  /** Refuse a join when some cross pair's evidence for one entity is below this (log2, see score.ts). */
  readonly vetoWeight: number;
  readonly maxClusterSize: number;
}

export interface Clustering {
  /** Per record: the id (smallest member index) of its cluster; itself when alone. */
  readonly clusterOf: Int32Array;
  /** Clusters with at least two records, members ascending, ordered by smallest member. */
  readonly clusters: number[][];
  readonly vetoed: number;
}

export function clusterLinks(
  records: number,
  links: Links,
  /** Evidence for "same entity" of any two records (the contradiction weight). */
  pairWeight: (i: number, j: number) => number,
  options: ClusterOptions,
): Clustering {
  const parent = new Int32Array(records);
  for (let i = 0; i < records; i++) parent[i] = i;
  const members = new Map<number, number[]>();
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const membersOf = (root: number) => members.get(root) ?? [root];

  const order = new Int32Array(links.length);
  for (let e = 0; e < links.length; e++) order[e] = e;
  order.sort(
    (x, y) => links.probability[y]! - links.probability[x]! || links.weight[y]! - links.weight[x]! || x - y,
  );

  let vetoed = 0;
  for (const e of order) {
    const ra = find(links.a[e]!);
    const rb = find(links.b[e]!);
    if (ra === rb) continue;
    const ma = membersOf(ra);
    const mb = membersOf(rb);
    if (
      ma.length + mb.length > options.maxClusterSize ||
      contradicted(ma, mb, pairWeight, options.vetoWeight)
    ) {
      vetoed++;
      continue;
    }
    const [big, small, bigRoot, smallRoot] = ma.length >= mb.length ? [ma, mb, ra, rb] : [mb, ma, rb, ra];
    parent[smallRoot] = bigRoot;
    const joined = big.concat(small);
    members.set(bigRoot, joined);
    members.delete(smallRoot);
  }

  const clusterOf = new Int32Array(records);
  const clusters: number[][] = [];
  for (const group of members.values()) {
    group.sort((x, y) => x - y);
    clusters.push(group);
  }
  for (let i = 0; i < records; i++) clusterOf[i] = i;
  for (const group of clusters) for (const r of group) clusterOf[r] = group[0]!;
  clusters.sort((x, y) => x[0]! - y[0]!);
  return { clusterOf, clusters, vetoed };
}

function contradicted(
  a: readonly number[],
  b: readonly number[],
  pairWeight: (i: number, j: number) => number,
  vetoWeight: number,
): boolean {
  // Singletons joining singletons have no third party to contradict them: the link itself decided.
  if (a.length === 1 && b.length === 1) return false;
  for (const x of a) {
    for (const y of b) {
      if (pairWeight(Math.min(x, y), Math.max(x, y)) < vetoWeight) return true;
    }
  }
  return false;
}
