/** Evaluation metrics on a held-out split, each beside the trivial baseline (majority class or mean). */

export interface ClassificationMetrics {
  kind: "classification";
  accuracy: number;
  /** Macro averages over classes. */
  precision: number;
  recall: number;
  f1: number;
  /** Binary: area under the ROC curve of the positive (second) class; multi-class: one-vs-rest macro average. */
  rocAuc: number | null;
  /** rows = actual class, columns = predicted class, in `classes` order. */
  confusionMatrix: number[][];
  classes: string[];
  baseline: { strategy: "majority class"; prediction: string; accuracy: number; f1: number };
}

export interface RegressionMetrics {
  kind: "regression";
  rmse: number;
  mae: number;
  r2: number;
  baseline: { strategy: "mean of training target"; prediction: number; rmse: number; mae: number; r2: number };
}

export type Metrics = ClassificationMetrics | RegressionMetrics;

export interface KeyMetric {
  name: string;
  value: number;
  higherIsBetter: boolean;
}

export function keyMetric(m: Metrics): KeyMetric {
  if (m.kind === "regression") return { name: "r2", value: m.r2, higherIsBetter: true };
  if (m.classes.length === 2 && m.rocAuc !== null) return { name: "rocAuc", value: m.rocAuc, higherIsBetter: true };
  return { name: "f1", value: m.f1, higherIsBetter: true };
}

function argmax(p: number[]): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  return best;
}

function confusionScores(cm: number[][]): { accuracy: number; precision: number; recall: number; f1: number } {
  const k = cm.length;
  let correct = 0;
  let total = 0;
  let p = 0;
  let r = 0;
  let f = 0;
  for (let c = 0; c < k; c++) {
    correct += cm[c]![c]!;
    let rowSum = 0;
    let colSum = 0;
    for (let j = 0; j < k; j++) {
      rowSum += cm[c]![j]!;
      colSum += cm[j]![c]!;
    }
    total += rowSum;
    const prec = colSum ? cm[c]![c]! / colSum : 0;
    const rec = rowSum ? cm[c]![c]! / rowSum : 0;
    p += prec;
    r += rec;
    f += prec + rec ? (2 * prec * rec) / (prec + rec) : 0;
  }
  return { accuracy: total ? correct / total : 0, precision: p / k, recall: r / k, f1: f / k };
}

/** Area under the ROC curve by the rank statistic (ties get average ranks). */
export function rocAuc(scores: number[], positive: boolean[]): number | null {
  const n = scores.length;
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  const ranks = new Array<number>(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const avg = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) ranks[idx[t]!] = avg;
    i = j + 1;
  }
  let nPos = 0;
  let sumPos = 0;
  for (let i = 0; i < n; i++) {
    if (positive[i]) {
      nPos++;
      sumPos += ranks[i]!;
    }
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  return (sumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** `actual` are class indices; `probs` one probability vector per row; `majority` the training majority class index. */
export function classificationMetrics(classes: string[], actual: number[], probs: number[][], majority: number): ClassificationMetrics {
  const k = classes.length;
  const cm = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const base = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < actual.length; i++) {
    cm[actual[i]!]![argmax(probs[i]!)]!++;
    base[actual[i]!]![majority]!++;
  }
  const s = confusionScores(cm);
  const b = confusionScores(base);
  let auc: number | null;
  if (k === 2) auc = rocAuc(probs.map((p) => p[1]!), actual.map((a) => a === 1));
  else {
    const aucs = classes.map((_, c) => rocAuc(probs.map((p) => p[c]!), actual.map((a) => a === c))).filter((x): x is number => x !== null);
    auc = aucs.length ? aucs.reduce((x, y) => x + y, 0) / aucs.length : null;
  }
  return {
    kind: "classification",
    ...s,
    rocAuc: auc,
    confusionMatrix: cm,
    classes,
    baseline: { strategy: "majority class", prediction: classes[majority]!, accuracy: b.accuracy, f1: b.f1 },
  };
}

function regressionScores(actual: number[], predicted: number[], meanActual: number): { rmse: number; mae: number; r2: number } {
  let se = 0;
  let ae = 0;
  let tot = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = actual[i]! - predicted[i]!;
    se += e * e;
    ae += Math.abs(e);
    tot += (actual[i]! - meanActual) ** 2;
  }
  const n = actual.length || 1;
  return { rmse: Math.sqrt(se / n), mae: ae / n, r2: tot > 0 ? 1 - se / tot : 0 };
}

export function regressionMetrics(actual: number[], predicted: number[], trainMean: number): RegressionMetrics {
  const meanActual = actual.reduce((a, b) => a + b, 0) / (actual.length || 1);
  const s = regressionScores(actual, predicted, meanActual);
  const b = regressionScores(actual, actual.map(() => trainMean), meanActual);
  return { kind: "regression", ...s, baseline: { strategy: "mean of training target", prediction: trainMean, ...b } };
}
