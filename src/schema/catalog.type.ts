import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A column a foreign key points at." })
export class CatalogReference {
  @Field(() => String)
  schema!: string;

  @Field(() => String)
  table!: string;

  @Field(() => String)
  column!: string;
}

@ObjectType({ description: "A term defined in the doc comments, e.g. revenue." })
export class CatalogDefinition {
  @Field(() => String)
  term!: string;

  @Field(() => String)
  meaning!: string;
}

@ObjectType({ description: "A column as the natural-language engine sees it." })
export class CatalogColumnType {
  @Field(() => String, { description: "SQL name, e.g. customer_id." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Another name from an @name tag in the column's COMMENT ON, e.g. customerId." })
  fieldName!: string | null;

  @Field(() => String, { description: "PostgreSQL type, e.g. numeric(10,2) or OrderStatus." })
  sqlType!: string;

  @Field(() => String, { description: "integer, number, text, boolean, timestamp, date, enum, json, uuid or other." })
  kind!: string;

  @Field(() => Boolean)
  nullable!: boolean;

  @Field(() => Boolean)
  isPrimaryKey!: boolean;

  @Field(() => Boolean)
  isUnique!: boolean;

  @Field(() => [String], { nullable: true, description: "Enum labels in declared order." })
  enumValues!: string[] | null;

  @Field(() => CatalogReference, { nullable: true })
  references!: CatalogReference | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [String])
  synonyms!: string[];

  @Field(() => [String], { nullable: true, description: "Distinct values of a low-cardinality text or enum column; null when not indexed." })
  knownValues!: string[] | null;
}

@ObjectType({ description: "A table the natural-language engine may read." })
export class CatalogTableType {
  @Field(() => String)
  schema!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  modelName!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [String])
  synonyms!: string[];

  @Field(() => [CatalogDefinition])
  definitions!: CatalogDefinition[];

  @Field(() => [String])
  primaryKey!: string[];

  @Field(() => Int, { description: "Approximate row count (exact below 10,000)." })
  rowEstimate!: number;

  @Field(() => [CatalogColumnType])
  columns!: CatalogColumnType[];
}

@ObjectType({ description: "Tables, columns, types, descriptions, synonyms and known values the natural-language engine uses." })
export class CatalogInfo {
  @Field(() => String, { description: "Changes whenever the catalog's content changes." })
  version!: string;

  @Field(() => Date)
  builtAt!: Date;

  @Field(() => [CatalogTableType])
  tables!: CatalogTableType[];
}
