/**
 * Builds one batch of a batched write from source items as they arrive:
 * validates and coerces each item (rejecting it with its reason), refuses a
 * key repeated within the batch (UPSERT/UPDATE), and groups the valid rows by
 * the columns they write — one write statement per group.
 *
 * Memory: items are validated chunk by chunk as the source parses them, so a
 * parsed line is garbage within milliseconds. What waits for the write is
 * kept small, because objects that outlive a couple of young-generation
 * collections are promoted and grow the heap until the next full collection:
 * - on PostgreSQL (COPY), each row becomes its COPY text line at once, and
 *   when nothing can reject a row after its write (INSERT without
 *   continueOnError) a group keeps only that text, encoded into a pooled
 *   byte buffer (see copy-buffer.ts);
 * - otherwise a group keeps a row per record with its values and source item
 *   (a bisected failure or an unmatched UPDATE key names the record).
 */
import type { RejectedRecord } from "../jobs/index.js";
import { coerceCells, coerceRecord, planHeader, type HeaderPlan } from "./coerce.js";
import { copyTextLine } from "./copy-text.js";
import type { CopyBuffer, CopyBufferPool } from "./copy-buffer.js";
import type { IngestJobParams } from "./ingest.handler.js";
import { CsvLine, type SourceItem } from "./sources.js";
import type { WritableTable } from "./tables.js";
import type { WriteRow } from "./writer.js";

export interface PendingRow extends WriteRow {
  /** The source item; null when the group is packed (see WriteGroup.packed). */
  item: SourceItem | null;
}

export interface WriteGroup {
  columns: string[];
  /** Rows to write, one per valid record (unpacked groups). */
  rows: PendingRow[];
  /** Packed groups: the rows' COPY text (a pooled buffer, released when the batch's transaction ended); `rows` stays empty. */
  packed: CopyBuffer | null;
  /** Valid records in the group. */
  count: number;
}

export interface PreparedBatch {
  /** Batch number (0-based over the job). */
  batch: number;
  /** Source items the batch accounts for (valid + rejected). */
  count: number;
  rejected: RejectedRecord[];
  groups: WriteGroup[];
  valid: number;
}

export const keyText = (row: WriteRow, key: string[]) => key.map((k) => `${k}=${row.values[row.columns.indexOf(k)]}`).join(", ");

/** Per job: how CSV headers (one array per file) map onto the table, worked out once. */
export class HeaderPlans {
  private readonly plans = new Map<string[], HeaderPlan | null>();
  constructor(private readonly target: WritableTable) {}

  of(header: string[]): HeaderPlan | null {
    let plan = this.plans.get(header);
    if (plan === undefined) this.plans.set(header, (plan = planHeader(this.target, header)));
    return plan;
  }
}

export class BatchBuilder {
  count = 0;
  valid = 0;
  private readonly rejected: RejectedRecord[] = [];
  private readonly groups = new Map<string, WriteGroup>();
  // Rows that wrote the same columns share one array (see coerceCells): look groups up by it before joining names.
  private readonly groupOf = new Map<string[], WriteGroup>();
  private readonly seen = new Map<string, number>();
  private readonly pack: boolean;

  constructor(
    readonly batch: number,
    private readonly target: WritableTable,
    private readonly p: IngestJobParams,
    private readonly plans: HeaderPlans,
    private readonly copy: boolean,
    private readonly buffers: CopyBufferPool,
  ) {
    // Rows may be rejected after their write only when bisecting (continueOnError) or for an UPDATE key that
    // matched nothing, and only then must a row remember its record.
    this.pack = copy && !p.continueOnError && p.mode === "INSERT";
  }

  add(item: SourceItem): void {
    const index = this.count++;
    const { p } = this;
    if (item.error) {
      this.rejected.push({ batch: this.batch, rowIndex: item.position, reason: item.error, record: item.record });
      return;
    }
    const csv = item instanceof CsvLine ? item : null;
    const plan = csv ? this.plans.of(csv.header) : null;
    const r = plan ? coerceCells(plan, p.mode, p.key, csv!.cells) : coerceRecord(this.target, p.mode, p.key, item.record, item.fromText);
    if (!r.ok) {
      this.rejected.push({ batch: this.batch, rowIndex: item.position, reason: r.reason, record: item.record });
      return;
    }
    const { columns, values } = r.record;
    if (p.mode !== "INSERT") {
      // One statement cannot touch a row twice; the later duplicate is refused, naming the first.
      const k = keyText({ index, columns, values }, p.key);
      const first = this.seen.get(k);
      if (first !== undefined) {
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

  finish(): PreparedBatch {
    return { batch: this.batch, count: this.count, rejected: this.rejected, groups: [...this.groups.values()], valid: this.valid };
  }

  private group(columns: string[]): WriteGroup {
    let g = this.groupOf.get(columns);
    if (!g) {
      const sig = columns.join(",");
      g = this.groups.get(sig);
      // Zero columns (every value a default) cannot be COPYed: such a group keeps rows for the array path.
      if (!g) this.groups.set(sig, (g = { columns, rows: [], packed: this.pack && columns.length > 0 ? this.buffers.acquire() : null, count: 0 }));
      this.groupOf.set(columns, g);
    }
    return g;
  }
}
