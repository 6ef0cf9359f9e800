import { TransformService } from "./transform.service.js";
import { compileExpression, referencedColumns, ExpressionError, FUNCTIONS } from "./expression.js";
import { LlmMapper } from "./llm-mapper.js";
function toTransformInput(input) {
  return {
    ...input,
    rules: input.rules.map((r) => ({
      column: r.column,
      from: r.from,
      expression: r.expression,
      llm: r.llm ? {
        instruction: r.llm.instruction,
        inputs: r.llm.inputs,
        output: r.llm.outputEnum?.length ? { enum: r.llm.outputEnum } : { type: r.llm.outputType ?? "TEXT" }
      } : null
    }))
  };
}
export {
  ExpressionError,
  FUNCTIONS,
  LlmMapper,
  TransformService,
  compileExpression,
  referencedColumns,
  toTransformInput
};
