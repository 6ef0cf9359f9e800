import { Field, Float, ObjectType } from "type-graphql";

@ObjectType({ description: "What Mutation.refreshSchema found and did: the API schema rebuilt from the database as it is now." })
export class SchemaRefresh {
  @Field(() => Boolean, { description: "The API changed: new requests see the new schema; operations and subscriptions already running finish on the old one." })
  changed!: boolean;

  @Field(() => String, { description: "Version of the schema in use now (a digest of its SDL)." })
  version!: string;

  @Field(() => String, { description: "Version of the schema in use before this refresh (equal to version when nothing changed)." })
  previousVersion!: string;

  @Field(() => [String], { description: "Tables and views (schema.name) that appeared since the last successful build." })
  tablesAdded!: string[];

  @Field(() => [String], { description: "Tables and views (schema.name) that disappeared since the last successful build." })
  tablesRemoved!: string[];

  @Field(() => [String], { description: "Tables and views (schema.name) whose columns, keys, constraints or comments changed since the last successful build." })
  tablesAltered!: string[];

  @Field(() => Date, { description: "When this build finished." })
  builtAt!: Date;

  @Field(() => Float, { description: "How long reading the catalog and building the schema took, in milliseconds." })
  durationMs!: number;
}
