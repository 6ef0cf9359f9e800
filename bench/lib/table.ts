/** Prints result rows as a Markdown table (the README's Benchmarks section pastes it). */
import type { ResultRow } from "./types.js";

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return "n/a";
  const abs = Math.abs(v);
  if (abs > 0 && abs < 0.01) return v.toPrecision(2);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 2 : 3;
  return v.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function markdownTable(rows: ResultRow[]): string {
  const head = ["Section", "Metric", "Value", "Baseline (same run)", "Ratio", "Target", "Note"];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const r of rows) {
    const baseline = r.baseline ? `${r.baseline.label}: ${fmt(r.baseline.value)} ${r.unit}` : "";
    const ratio = r.baseline && r.baseline.value ? `${fmt(r.value / r.baseline.value)}×` : "";
    const cells = [r.section, r.metric, `${fmt(r.value)} ${r.unit}`, baseline, ratio, r.target ?? "", r.note ?? ""];
    lines.push(`| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`);
  }
  return lines.join("\n");
}
