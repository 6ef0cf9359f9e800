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
import { Field, InputType, Int, registerEnumType } from "type-graphql";
const IngestModeEnum = { INSERT: "INSERT", UPSERT: "UPSERT" };
registerEnumType(IngestModeEnum, { name: "IngestMode", description: "INSERT adds rows; UPSERT inserts or, on a conflict on `key`, updates." });
let IngestOptionsInput = class {
  mode;
  key;
  batchSize;
  maxRetries;
  continueOnError;
  idempotencyKey;
};
__decorateClass([
  Field(() => IngestModeEnum, { nullable: true, defaultValue: "INSERT" })
], IngestOptionsInput.prototype, "mode", 2);
__decorateClass([
  Field(() => [String], { nullable: true, description: "UPSERT conflict key (column or field names; a unique key). Defaults to the primary key." })
], IngestOptionsInput.prototype, "key", 2);
__decorateClass([
  Field(() => Int, { nullable: true, description: "Records per batch (1\u2013100000); default JOB_BATCH_SIZE." })
], IngestOptionsInput.prototype, "batchSize", 2);
__decorateClass([
  Field(() => Int, { nullable: true, description: "Retries of a batch after a transient failure (0\u201320); default JOB_MAX_RETRIES." })
], IngestOptionsInput.prototype, "maxRetries", 2);
__decorateClass([
  Field(() => Boolean, { nullable: true, description: "A batch the database refuses is split until the bad records are isolated and rejected, instead of failing the job." })
], IngestOptionsInput.prototype, "continueOnError", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "The same key again returns the first job instead of writing twice." })
], IngestOptionsInput.prototype, "idempotencyKey", 2);
IngestOptionsInput = __decorateClass([
  InputType({ description: "How to write ingested records." })
], IngestOptionsInput);
let BatchUpdateOptionsInput = class {
  batchSize;
  maxRetries;
  continueOnError;
  idempotencyKey;
};
__decorateClass([
  Field(() => Int, { nullable: true })
], BatchUpdateOptionsInput.prototype, "batchSize", 2);
__decorateClass([
  Field(() => Int, { nullable: true })
], BatchUpdateOptionsInput.prototype, "maxRetries", 2);
__decorateClass([
  Field(() => Boolean, { nullable: true })
], BatchUpdateOptionsInput.prototype, "continueOnError", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], BatchUpdateOptionsInput.prototype, "idempotencyKey", 2);
BatchUpdateOptionsInput = __decorateClass([
  InputType({ description: "How to run a batch update." })
], BatchUpdateOptionsInput);
export {
  BatchUpdateOptionsInput,
  IngestModeEnum,
  IngestOptionsInput
};
