/** Transforms: public surface. */
export { TransformService, type TransformInput, type TransformServiceDeps } from "./transform.service.js";
export { compileExpression, referencedColumns, ExpressionError, FUNCTIONS } from "./expression.js";
export { LlmMapper, type LlmRule, type LlmOutputType } from "./llm-mapper.js";
export type { TransformRule, TransformSourceSpec, SourceFilter, FilterOp } from "./types.js";
import type { TransformInput } from "./transform.service.js";

/** GraphQL's flat LLM output fields (outputType / outputEnum) → the service's output union. */
export function toTransformInput(input: {
  source: TransformInput["source"];
  target: TransformInput["target"];
  rules: Array<{ column: string; from?: string | null; expression?: string | null; llm?: { instruction: string; inputs: string[]; outputType?: string | null; outputEnum?: string[] | null } | null }>;
  batchSize?: number | null;
  maxRetries?: number | null;
  continueOnError?: boolean | null;
  idempotencyKey?: string | null;
}): TransformInput {
  return {
    ...input,
    rules: input.rules.map((r) => ({
      column: r.column,
      from: r.from,
      expression: r.expression,
      llm: r.llm
        ? {
            instruction: r.llm.instruction,
            inputs: r.llm.inputs,
            output: r.llm.outputEnum?.length ? { enum: r.llm.outputEnum } : { type: (r.llm.outputType ?? "TEXT") as "TEXT" },
          }
        : null,
    })),
  };
}
