import { coerceCells, coerceRecord, planHeader } from "./coerce.js";
import { copyTextLine } from "./copy-text.js";
import { CsvLine } from "./sources.js";
const keyText = (row, key) => key.map((k) => `${k}=${row.values[row.columns.indexOf(k)]}`).join(", ");
class HeaderPlans {
  constructor(target) {
    this.target = target;
  }
  target;
  plans = /* @__PURE__ */ new Map();
  of(header) {
    let plan = this.plans.get(header);
    if (plan === void 0) this.plans.set(header, plan = planHeader(this.target, header));
    return plan;
  }
}
class BatchBuilder {
  constructor(batch, target, p, plans, copy, buffers) {
    this.batch = batch;
    this.target = target;
    this.p = p;
    this.plans = plans;
    this.copy = copy;
    this.buffers = buffers;
    this.pack = copy && !p.continueOnError && p.mode === "INSERT";
  }
  batch;
  target;
  p;
  plans;
  copy;
  buffers;
  count = 0;
  valid = 0;
  rejected = [];
  groups = /* @__PURE__ */ new Map();
  // Rows that wrote the same columns share one array (see coerceCells): look groups up by it before joining names.
  groupOf = /* @__PURE__ */ new Map();
  seen = /* @__PURE__ */ new Map();
  pack;
  add(item) {
    const index = this.count++;
    const { p } = this;
    if (item.error) {
      this.rejected.push({ batch: this.batch, rowIndex: item.position, reason: item.error, record: item.record });
      return;
    }
    const csv = item instanceof CsvLine ? item : null;
    const plan = csv ? this.plans.of(csv.header) : null;
    const r = plan ? coerceCells(plan, p.mode, p.key, csv.cells) : coerceRecord(this.target, p.mode, p.key, item.record, item.fromText);
    if (!r.ok) {
      this.rejected.push({ batch: this.batch, rowIndex: item.position, reason: r.reason, record: item.record });
      return;
    }
    const { columns, values } = r.record;
    if (p.mode !== "INSERT") {
      const k = keyText({ index, columns, values }, p.key);
      const first = this.seen.get(k);
      if (first !== void 0) {
        this.rejected.push({ batch: this.batch, rowIndex: item.position, reason: `duplicate key (${k}) in the same batch as input ${first}; send one record per key`, record: item.record });
        return;
      }
      this.seen.set(k, item.position);
    }
    const g = this.group(columns);
    g.count++;
    this.valid++;
    if (g.packed) {
      g.packed.appendLine(copyTextLine(values));
      return;
    }
    g.rows.push(this.copy ? { index, columns, values, copyLine: copyTextLine(values), item } : { index, columns, values, item });
  }
  finish() {
    return { batch: this.batch, count: this.count, rejected: this.rejected, groups: [...this.groups.values()], valid: this.valid };
  }
  group(columns) {
    let g = this.groupOf.get(columns);
    if (!g) {
      const sig = columns.join(",");
      g = this.groups.get(sig);
      if (!g) this.groups.set(sig, g = { columns, rows: [], packed: this.pack && columns.length > 0 ? this.buffers.acquire() : null, count: 0 });
      this.groupOf.set(columns, g);
    }
    return g;
  }
}
export {
  BatchBuilder,
  HeaderPlans,
  keyText
};
