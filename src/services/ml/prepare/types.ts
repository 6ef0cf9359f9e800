/** Shapes of the feature schema and of the preparation learned on a training split. */

/** How a feature is treated: its values are numbers, true/false, labels, or points in time. */
export type FeatureKind = "number" | "boolean" | "category" | "date";

/** What an input must carry for one feature (what the registry shows as the feature schema). */
export interface FeatureSpec {
  name: string;
  kind: FeatureKind;
  /** PostgreSQL type of the source column, for people reading the schema. */
  sqlType: string;
  /** Allowed labels for enum columns (declared), or the labels seen in training (category). */
  categories?: string[];
}

export interface NumberPrep {
  kind: "number";
  name: string;
  mean: number;
  std: number;
  /** Value used when the input is null: the training mean. */
  fill: number;
  /** Whether training had missing values; if so an indicator column is added. */
  missingIndicator: boolean;
}

export interface BooleanPrep {
  kind: "boolean";
  name: string;
  /** The training majority, used when the input is null. */
  fill: 0 | 1;
}

export interface CategoryPrep {
  kind: "category";
  name: string;
  /** Labels with their own one-hot column, most frequent first; everything else (unseen, rare, null) goes to the "other" column. */
  levels: string[];
}

export interface DatePrep {
  kind: "date";
  name: string;
  /** Standardization of days since 1970 (trend), plus month, day of week and hour (cyclic parts kept raw, scaled to 0–1). */
  meanDays: number;
  stdDays: number;
  fillDays: number;
}

export type FeaturePrep = NumberPrep | BooleanPrep | CategoryPrep | DatePrep;

export interface Preparation {
  version: 1;
  features: FeaturePrep[];
  /** Names of the encoded columns, in order (e.g. "channel=WEB", "ordered_at.month"). */
  columns: string[];
}

export interface PrepareOptions {
  /** At most this many one-hot levels per category (most frequent first). */
  maxLevels: number;
  /** Levels seen fewer times than this go to "other". */
  minLevelCount: number;
}
