import { describe, expect, it } from "vitest";
import { clusterLinks } from "./cluster";
import { LinkBuffer } from "./links";

function links(edges: [number, number, number][]) {
  const buffer = new LinkBuffer();
  for (const [a, b, p] of edges) buffer.push(a, b, 10, p);
  return buffer;
}

const options = { vetoWeight: -10, maxClusterSize: 50 };

describe("clusterLinks", () => {
  it("joins linked records into clusters", () => {
    const result = clusterLinks(
      6,
      links([
        [0, 1, 0.999],
        [1, 2, 0.995],
        [4, 5, 0.999],
      ]),
      () => 0,
      options,
    );
    expect(result.clusters).toEqual([
      [0, 1, 2],
      [4, 5],
    ]);
    expect(Array.from(result.clusterOf)).toEqual([0, 0, 0, 3, 4, 4]);
    expect(result.vetoed).toBe(0);
  });

  it("refuses a link that would join records with strong evidence against each other", () => {
    // 0~1 and 1~2 are links, but 0 and 2 contradict each other (say, a shared family phone):
    // the weaker link loses.
    const weight = (i: number, j: number) => (i === 0 && j === 2 ? -20 : 5);
    const result = clusterLinks(
      3,
      links([
        [0, 1, 0.999],
        [1, 2, 0.995],
      ]),
      weight,
      options,
    );
    expect(result.clusters).toEqual([[0, 1]]);
    expect(result.vetoed).toBe(1);
  });

  it("takes the more probable link first", () => {
    const weight = (i: number, j: number) => (i === 0 && j === 2 ? -20 : 5);
    const result = clusterLinks(
      3,
      links([
        [0, 1, 0.995],
        [1, 2, 0.999],
      ]),
      weight,
      options,
    );
    expect(result.clusters).toEqual([[1, 2]]);
  });

  it("caps the cluster size", () => {
    const chain = Array.from({ length: 9 }, (_, i) => [i, i + 1, 0.999] as [number, number, number]);
    const result = clusterLinks(10, links(chain), () => 0, { ...options, maxClusterSize: 4 });
    expect(Math.max(...result.clusters.map((c) => c.length))).toBeLessThanOrEqual(4);
    expect(result.vetoed).toBeGreaterThan(0);
  });
});
