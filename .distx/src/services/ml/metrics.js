function keyMetric(m) {
  if (m.kind === "regression") return { name: "r2", value: m.r2, higherIsBetter: true };
  if (m.classes.length === 2 && m.rocAuc !== null) return { name: "rocAuc", value: m.rocAuc, higherIsBetter: true };
  return { name: "f1", value: m.f1, higherIsBetter: true };
}
function argmax(p) {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return best;
}
function confusionScores(cm) {
  const k = cm.length;
  let correct = 0;
  let total = 0;
  let p = 0;
  let r = 0;
  let f = 0;
  for (let c = 0; c < k; c++) {
    correct += cm[c][c];
    let rowSum = 0;
    let colSum = 0;
    for (let j = 0; j < k; j++) {
      rowSum += cm[c][j];
      colSum += cm[j][c];
    }
    total += rowSum;
    const prec = colSum ? cm[c][c] / colSum : 0;
    const rec = rowSum ? cm[c][c] / rowSum : 0;
    p += prec;
    r += rec;
    f += prec + rec ? 2 * prec * rec / (prec + rec) : 0;
  }
  return { accuracy: total ? correct / total : 0, precision: p / k, recall: r / k, f1: f / k };
}
function rocAuc(scores, positive) {
  const n = scores.length;
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const ranks = new Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[idx[j + 1]] === scores[idx[i]]) j++;
    const avg = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) ranks[idx[t]] = avg;
    i = j + 1;
  }
  let nPos = 0;
  let sumPos = 0;
  for (let i = 0; i < n; i++) {
    if (positive[i]) {
      nPos++;
      sumPos += ranks[i];
    }
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  return (sumPos - nPos * (nPos + 1) / 2) / (nPos * nNeg);
}
function classificationMetrics(classes, actual, probs, majority) {
  const k = classes.length;
  const cm = Array.from({ length: k }, () => new Array(k).fill(0));
  const base = Array.from({ length: k }, () => new Array(k).fill(0));
  for (let i = 0; i < actual.length; i++) {
    cm[actual[i]][argmax(probs[i])]++;
    base[actual[i]][majority]++;
  }
  const s = confusionScores(cm);
  const b = confusionScores(base);
  let auc;
  if (k === 2) auc = rocAuc(probs.map((p) => p[1]), actual.map((a) => a === 1));
  else {
    const aucs = classes.map((_, c) => rocAuc(probs.map((p) => p[c]), actual.map((a) => a === c))).filter((x) => x !== null);
    auc = aucs.length ? aucs.reduce((x, y) => x + y, 0) / aucs.length : null;
  }
  return {
    kind: "classification",
    ...s,
    rocAuc: auc,
    confusionMatrix: cm,
    classes,
    baseline: { strategy: "majority class", prediction: classes[majority], accuracy: b.accuracy, f1: b.f1 }
  };
}
function regressionScores(actual, predicted, meanActual) {
  let se = 0;
  let ae = 0;
  let tot = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = actual[i] - predicted[i];
    se += e * e;
    ae += Math.abs(e);
    tot += (actual[i] - meanActual) ** 2;
  }
  const n = actual.length || 1;
  return { rmse: Math.sqrt(se / n), mae: ae / n, r2: tot > 0 ? 1 - se / tot : 0 };
}
function regressionMetrics(actual, predicted, trainMean) {
  const meanActual = actual.reduce((a, b2) => a + b2, 0) / (actual.length || 1);
  const s = regressionScores(actual, predicted, meanActual);
  const b = regressionScores(actual, actual.map(() => trainMean), meanActual);
  return { kind: "regression", ...s, baseline: { strategy: "mean of training target", prediction: trainMean, ...b } };
}
export {
  classificationMetrics,
  keyMetric,
  regressionMetrics,
  rocAuc
};
