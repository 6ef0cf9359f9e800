var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __decorateClass = (decorators, target, key, kind) => {
  var result = kind > 1 ? void 0 : kind ? __getOwnPropDesc(target, key) : target;
  for (var i = decorators.length - 1, decorator; i >= 0; i--)
    if (decorator = decorators[i])
      result = (kind ? decorator(target, key, result) : decorator(result)) || result;
  if (kind && result) __defProp(target, key, result);
  return result;
};
import { Field, InputType, Int } from "type-graphql";
let AskOptions = class {
  maxRows;
  explainOnly;
  noCache;
};
__decorateClass([
  Field(() => Int, { nullable: true, description: "Row cap for this answer (1 to NL_MAX_ROWS; default NL_MAX_ROWS)." })
], AskOptions.prototype, "maxRows", 2);
__decorateClass([
  Field(() => Boolean, { nullable: true, defaultValue: false, description: "Translate and guard only; do not run the SQL." })
], AskOptions.prototype, "explainOnly", 2);
__decorateClass([
  Field(() => Boolean, { nullable: true, defaultValue: false, description: "Do not answer from (or store in) the answer cache." })
], AskOptions.prototype, "noCache", 2);
AskOptions = __decorateClass([
  InputType({ description: "How to answer a question." })
], AskOptions);
let QueryLogFilterInput = class {
  status;
  source;
  errorCode;
  questionContains;
  since;
};
__decorateClass([
  Field(() => String, { nullable: true, description: "OK, EXPLAINED or ERROR." })
], QueryLogFilterInput.prototype, "status", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "MEMORY, OFFLINE or LLM." })
], QueryLogFilterInput.prototype, "source", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "e.g. NOT_UNDERSTOOD, SQL_REJECTED, TIMEOUT." })
], QueryLogFilterInput.prototype, "errorCode", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "Case-insensitive substring of the question." })
], QueryLogFilterInput.prototype, "questionContains", 2);
__decorateClass([
  Field(() => Date, { nullable: true })
], QueryLogFilterInput.prototype, "since", 2);
QueryLogFilterInput = __decorateClass([
  InputType({ description: "Which logged questions to list." })
], QueryLogFilterInput);
export {
  AskOptions,
  QueryLogFilterInput
};
