/** Every bench section, in run order. Add yours here (one import, one entry). */
import type { BenchSection } from "../lib/types.js";
import { foundation } from "./foundation.js";
import { jobs } from "./jobs.js";
import { ml } from "./ml.js";
import { nlsql } from "./nlsql.js";
import { transform } from "./transform.js";

export const sections: BenchSection[] = [foundation, nlsql, jobs, transform, ml];
