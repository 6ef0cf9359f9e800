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
var __decorateParam = (index, decorator) => (target, key) => decorator(target, key, index);
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { Job } from "../schema/job.type.js";
import { BatchUpdateOptionsInput, IngestOptionsInput } from "../schema/ingest.input.js";
let IngestResolver = class {
  ingest(table, records, options, ctx) {
    return ctx.services.ingest.ingestInline(table, records, options ?? {});
  }
  batchUpdate(table, key, records, options, ctx) {
    return ctx.services.ingest.batchUpdate(table, key, records, options ?? {});
  }
};
__decorateClass([
  Mutation(() => Job, {
    description: "Writes records into a table (SQL or Prisma name) as an INGEST job. Small inputs return finished; larger ones return the running job (follow it with Subscription.jobProgress). Above INGEST_MAX_INLINE_RECORDS use POST /ingest/{table}."
  }),
  __decorateParam(0, Arg("table", () => String)),
  __decorateParam(1, Arg("records", () => [GraphQLJSON])),
  __decorateParam(2, Arg("options", () => IngestOptionsInput, { nullable: true })),
  __decorateParam(3, Ctx())
], IngestResolver.prototype, "ingest", 1);
__decorateClass([
  Mutation(() => Job, { description: "Sets columns on the rows matched by `key` (a unique key), as a BATCH_UPDATE job; keys matching no row become rejected records." }),
  __decorateParam(0, Arg("table", () => String)),
  __decorateParam(1, Arg("key", () => [String])),
  __decorateParam(2, Arg("records", () => [GraphQLJSON])),
  __decorateParam(3, Arg("options", () => BatchUpdateOptionsInput, { nullable: true })),
  __decorateParam(4, Ctx())
], IngestResolver.prototype, "batchUpdate", 1);
IngestResolver = __decorateClass([
  Resolver()
], IngestResolver);
export {
  IngestResolver
};
