import { Field, Float, Int, ObjectType } from "type-graphql";
import { Connection } from "./connection.type.js";

@ObjectType()
export class ValueCount {
  @Field(() => String)
  value!: string;
  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "Values breaking one rule." })
export class RuleViolation {
  @Field(() => String, { description: "EMAIL, NON_NEGATIVE, PAST, UNIQUE, NOT_NULL, PATTERN, RANGE or FOREIGN_KEY." })
  rule!: string;
  @Field(() => String, { description: "Where the rule came from: input, doc comment, name and type, foreign key." })
  source!: string;
  @Field(() => Int)
  count!: number;
  @Field(() => Float, { description: "Share of all rows, 0–1." })
  share!: number;
  @Field(() => [String])
  examples!: string[];
  @Field(() => String)
  detail!: string;
}

@ObjectType({ description: "Values outside the IQR fences [Q1 − 1.5·IQR, Q3 + 1.5·IQR]." })
export class OutlierSummary {
  @Field(() => Int)
  count!: number;
  @Field(() => Float)
  share!: number;
  @Field(() => Float)
  lower!: number;
  @Field(() => Float)
  upper!: number;
}

@ObjectType()
export class ColumnQuality {
  @Field(() => String)
  name!: string;
  @Field(() => String, { description: "PostgreSQL type." })
  type!: string;
  @Field(() => String)
  kind!: string;
  @Field(() => Int)
  nullCount!: number;
  @Field(() => Float)
  nullShare!: number;
  @Field(() => Int)
  distinctCount!: number;
  @Field(() => Boolean, { description: "True when counted on a sample (tables above QUALITY_EXACT_DISTINCT_MAX_ROWS)." })
  distinctApproximate!: boolean;
  @Field(() => String, { nullable: true })
  min!: string | null;
  @Field(() => String, { nullable: true })
  max!: string | null;
  @Field(() => Float, { nullable: true })
  mean!: number | null;
  @Field(() => Float, { nullable: true })
  stddev!: number | null;
  @Field(() => [ValueCount], { description: "Up to five most frequent values." })
  topValues!: ValueCount[];
  @Field(() => [RuleViolation])
  violations!: RuleViolation[];
  @Field(() => OutlierSummary, { nullable: true, description: "Numeric columns only." })
  outliers!: OutlierSummary | null;
}

@ObjectType({ description: "Points taken off the score, and why." })
export class QualityDeduction {
  @Field(() => String, { nullable: true })
  column!: string | null;
  @Field(() => String)
  check!: string;
  @Field(() => Float)
  points!: number;
  @Field(() => String)
  reason!: string;
}

@ObjectType()
export class QualityReport {
  @Field(() => Int)
  id!: number;
  @Field(() => String)
  table!: string;
  @Field(() => Int)
  rowCount!: number;
  @Field(() => Float, { description: "0–100: 100 minus the deductions." })
  score!: number;
  @Field(() => [ColumnQuality])
  columns!: ColumnQuality[];
  @Field(() => [QualityDeduction])
  deductions!: QualityDeduction[];
  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType()
export class QualityHistoryEntry {
  @Field(() => Int)
  id!: number;
  @Field(() => String)
  table!: string;
  @Field(() => Float)
  score!: number;
  @Field(() => Int)
  rowCount!: number;
  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType({ description: "A table's stored quality reports, newest first, one page at a time." })
export class QualityHistoryConnection extends Connection(QualityHistoryEntry, "QualityHistoryEntry") {}
