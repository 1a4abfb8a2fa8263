import type { CompiledModel } from "./model";

/**
 * A model's trees turned into JavaScript: every split a comparison with its threshold written in, every
 * leaf a constant, so scoring a row is a run of branches rather than loads of node arrays. The nightly
 * run walks about 700 trees for each of 1.3 million cars, and this is where its time goes.
 *
 * Trees are grouped a few to a function: a small function is one V8 optimises (a huge one it leaves to
 * the interpreter), and a group reads one row's features while they are in cache. Each function adds
 * its trees' values to the row's running margin one by one, in the trees' order, so the sums are the
 * very doubles `marginsInto` produces.
 *
 * Explanations stay with the node arrays (`contributionsInto`): they are made one offer at a time, and
 * generated code for them took V8 a hundred thousand calls to optimise, longer than it saved in a night.
 */
export interface CodeModel {
  /** Adds the margins of `rows` rows of a row-major matrix to `out` (base included), as marginsInto. */
  margins(x: Float32Array, rows: number, stride: number, out: Float64Array): void;
}

const TREES_PER_FUNCTION = 12;

/** A number as a literal that reads back as the same double. */
function literal(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
  return Object.is(v, -0) ? "-0" : String(v);
}

/** The test that sends a row right, as the node arrays do: above the threshold (a missing value never is). */
function goesRight(m: CompiledModel, node: number): string {
  const f = m.feature[node]!;
  if (!Number.isInteger(f) || f < 0 || f >= m.features) throw new Error(`feature ${f} out of range`);
  const t = m.threshold[node]!;
  return `x[${f === 0 ? "b" : `b + ${f}`}] > ${literal(t)}`;
}

function leafExpression(m: CompiledModel, node: number): string {
  if (m.feature[node]! < 0) return literal(m.value[node]!);
  const right = leafExpression(m, m.right[node]!);
  const left = leafExpression(m, m.left[node]!);
  return `(${goesRight(m, node)} ? ${right} : ${left})`;
}

type MarginsPart = (x: Float32Array, rows: number, stride: number, out: Float64Array) => void;

const generated = new WeakMap<CompiledModel, CodeModel>();

/** The model as code, generated once per model and thread. */
export function codeModel(m: CompiledModel): CodeModel {
  const known = generated.get(m);
  if (known) return known;
  const marginParts: MarginsPart[] = [];
  for (let from = 0; from < m.roots.length; from += TREES_PER_FUNCTION) {
    const roots = Array.from(m.roots.subarray(from, from + TREES_PER_FUNCTION));
    const sums = roots.map((root) => `    o += ${leafExpression(m, root)};\n`).join("");
    marginParts.push(
      new Function(
        "x",
        "rows",
        "stride",
        "out",
        `for (let r = 0, b = 0; r < rows; r++, b += stride) {\n    let o = out[r];\n${sums}    out[r] = o;\n  }`,
      ) as MarginsPart,
    );
  }
  const base = m.base;
  const model: CodeModel = {
    margins(x, rows, stride, out) {
      for (let r = 0; r < rows; r++) out[r]! += base;
      for (const part of marginParts) part(x, rows, stride, out);
    },
  };
  generated.set(m, model);
  return model;
}
