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
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
var AnswerSource = /* @__PURE__ */ ((AnswerSource2) => {
  AnswerSource2["MEMORY"] = "MEMORY";
  AnswerSource2["OFFLINE"] = "OFFLINE";
  AnswerSource2["LLM"] = "LLM";
  return AnswerSource2;
})(AnswerSource || {});
registerEnumType(AnswerSource, {
  name: "AnswerSource",
  description: "What produced the SQL: a verified example (MEMORY), the offline translator, or a language model."
});
let AnswerColumn = class {
  name;
  type;
};
__decorateClass([
  Field(() => String)
], AnswerColumn.prototype, "name", 2);
__decorateClass([
  Field(() => String, { description: "PostgreSQL type of the result column, e.g. bigint, numeric, text." })
], AnswerColumn.prototype, "type", 2);
AnswerColumn = __decorateClass([
  ObjectType({ description: "A column of an answer." })
], AnswerColumn);
let AnswerTimings = class {
  translateMs;
  executeMs;
  totalMs;
};
__decorateClass([
  Field(() => Float)
], AnswerTimings.prototype, "translateMs", 2);
__decorateClass([
  Field(() => Float)
], AnswerTimings.prototype, "executeMs", 2);
__decorateClass([
  Field(() => Float)
], AnswerTimings.prototype, "totalMs", 2);
AnswerTimings = __decorateClass([
  ObjectType({ description: "Where the time of an answer went, in milliseconds." })
], AnswerTimings);
let Answer = class {
  queryId;
  question;
  interpretation;
  sql;
  columns;
  rows;
  rowCount;
  truncated;
  cached;
  source;
  tables;
  timings;
};
__decorateClass([
  Field(() => ID, { description: "Identifies this answer in queryLog and rateAnswer." })
], Answer.prototype, "queryId", 2);
__decorateClass([
  Field(() => String)
], Answer.prototype, "question", 2);
__decorateClass([
  Field(() => String, { description: "A plain-English restatement of what was run." })
], Answer.prototype, "interpretation", 2);
__decorateClass([
  Field(() => String, { description: "The SQL that ran (or would run, with explainOnly), after the guard." })
], Answer.prototype, "sql", 2);
__decorateClass([
  Field(() => [AnswerColumn])
], Answer.prototype, "columns", 2);
__decorateClass([
  Field(() => GraphQLJSON, { nullable: true, description: "The rows as JSON objects keyed by column name; null with explainOnly." })
], Answer.prototype, "rows", 2);
__decorateClass([
  Field(() => Int, { nullable: true })
], Answer.prototype, "rowCount", 2);
__decorateClass([
  Field(() => Boolean, { description: "True when the row cap (maxRows / NL_MAX_ROWS) cut the result short." })
], Answer.prototype, "truncated", 2);
__decorateClass([
  Field(() => Boolean, { description: "True when served from the answer cache." })
], Answer.prototype, "cached", 2);
__decorateClass([
  Field(() => AnswerSource)
], Answer.prototype, "source", 2);
__decorateClass([
  Field(() => [String], { description: "Tables the SQL reads." })
], Answer.prototype, "tables", 2);
__decorateClass([
  Field(() => AnswerTimings)
], Answer.prototype, "timings", 2);
Answer = __decorateClass([
  ObjectType({ description: "The answer to a natural-language question: the SQL that ran, how it was understood, and the rows." })
], Answer);
let RatingResult = class {
  queryId;
  learned;
  forgotten;
  exampleSql;
  message;
};
__decorateClass([
  Field(() => ID)
], RatingResult.prototype, "queryId", 2);
__decorateClass([
  Field(() => Boolean, { description: "True when the question is now remembered as a verified example." })
], RatingResult.prototype, "learned", 2);
__decorateClass([
  Field(() => Boolean, { description: "True when a wrong remembered answer was forgotten." })
], RatingResult.prototype, "forgotten", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], RatingResult.prototype, "exampleSql", 2);
__decorateClass([
  Field(() => String)
], RatingResult.prototype, "message", 2);
RatingResult = __decorateClass([
  ObjectType({ description: "What rateAnswer did with a rating." })
], RatingResult);
let QueryLogEntry = class {
  queryId;
  question;
  sql;
  interpretation;
  source;
  status;
  errorCode;
  errorMessage;
  rowCount;
  cached;
  tables;
  translateMs;
  executeMs;
  totalMs;
  llmCalls;
  llmPromptTokens;
  llmCompletionTokens;
  llmMs;
  rating;
  createdAt;
};
__decorateClass([
  Field(() => ID)
], QueryLogEntry.prototype, "queryId", 2);
__decorateClass([
  Field(() => String)
], QueryLogEntry.prototype, "question", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], QueryLogEntry.prototype, "sql", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], QueryLogEntry.prototype, "interpretation", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "MEMORY, OFFLINE or LLM." })
], QueryLogEntry.prototype, "source", 2);
__decorateClass([
  Field(() => String, { description: "OK, EXPLAINED or ERROR." })
], QueryLogEntry.prototype, "status", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], QueryLogEntry.prototype, "errorCode", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], QueryLogEntry.prototype, "errorMessage", 2);
__decorateClass([
  Field(() => Int, { nullable: true })
], QueryLogEntry.prototype, "rowCount", 2);
__decorateClass([
  Field(() => Boolean)
], QueryLogEntry.prototype, "cached", 2);
__decorateClass([
  Field(() => [String])
], QueryLogEntry.prototype, "tables", 2);
__decorateClass([
  Field(() => Float, { nullable: true })
], QueryLogEntry.prototype, "translateMs", 2);
__decorateClass([
  Field(() => Float, { nullable: true })
], QueryLogEntry.prototype, "executeMs", 2);
__decorateClass([
  Field(() => Float)
], QueryLogEntry.prototype, "totalMs", 2);
__decorateClass([
  Field(() => Int)
], QueryLogEntry.prototype, "llmCalls", 2);
__decorateClass([
  Field(() => Int, { nullable: true })
], QueryLogEntry.prototype, "llmPromptTokens", 2);
__decorateClass([
  Field(() => Int, { nullable: true })
], QueryLogEntry.prototype, "llmCompletionTokens", 2);
__decorateClass([
  Field(() => Float, { nullable: true })
], QueryLogEntry.prototype, "llmMs", 2);
__decorateClass([
  Field(() => Boolean, { nullable: true, description: "The caller's rating: true correct, false wrong, null not rated." })
], QueryLogEntry.prototype, "rating", 2);
__decorateClass([
  Field(() => Date)
], QueryLogEntry.prototype, "createdAt", 2);
QueryLogEntry = __decorateClass([
  ObjectType({ description: "One question as logged in query_log." })
], QueryLogEntry);
let QueryLogPage = class {
  items;
  hasMore;
  endCursor;
};
__decorateClass([
  Field(() => [QueryLogEntry])
], QueryLogPage.prototype, "items", 2);
__decorateClass([
  Field(() => Boolean)
], QueryLogPage.prototype, "hasMore", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "Pass as `after` to get the next page." })
], QueryLogPage.prototype, "endCursor", 2);
QueryLogPage = __decorateClass([
  ObjectType({ description: "A page of the query log, newest first." })
], QueryLogPage);
export {
  Answer,
  AnswerColumn,
  AnswerSource,
  AnswerTimings,
  QueryLogEntry,
  QueryLogPage,
  RatingResult
};
