import { Ctx, Mutation, Resolver } from "type-graphql";
import { SchemaRefresh } from "../schema/schema-refresh.type.js";
import type { GatewayContext } from "../context.js";

@Resolver()
export class SchemaResolver {
  // Admin only once roles exist: a rebuild reads the whole catalog (see docs/schema-reload.md).
  @Mutation(() => SchemaRefresh, {
    description:
      "Rebuilds the API schema from the database now, e.g. right after DDL (the gateway also notices DDL on its own every SCHEMA_POLL_MS). A build that fails is SCHEMA_BUILD_FAILED and leaves the previous schema in use.",
  })
  refreshSchema(@Ctx() ctx: GatewayContext): Promise<SchemaRefresh> {
    return ctx.services.schema.reload();
  }
}
