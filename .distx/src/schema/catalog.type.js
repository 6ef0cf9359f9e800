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
import { Field, Int, ObjectType } from "type-graphql";
let CatalogReference = class {
  schema;
  table;
  column;
};
__decorateClass([
  Field(() => String)
], CatalogReference.prototype, "schema", 2);
__decorateClass([
  Field(() => String)
], CatalogReference.prototype, "table", 2);
__decorateClass([
  Field(() => String)
], CatalogReference.prototype, "column", 2);
CatalogReference = __decorateClass([
  ObjectType({ description: "A column a foreign key points at." })
], CatalogReference);
let CatalogDefinition = class {
  term;
  meaning;
};
__decorateClass([
  Field(() => String)
], CatalogDefinition.prototype, "term", 2);
__decorateClass([
  Field(() => String)
], CatalogDefinition.prototype, "meaning", 2);
CatalogDefinition = __decorateClass([
  ObjectType({ description: "A term defined in the doc comments, e.g. revenue." })
], CatalogDefinition);
let CatalogColumnType = class {
  name;
  fieldName;
  sqlType;
  kind;
  nullable;
  isPrimaryKey;
  isUnique;
  enumValues;
  references;
  description;
  synonyms;
  knownValues;
};
__decorateClass([
  Field(() => String, { description: "SQL name, e.g. customer_id." })
], CatalogColumnType.prototype, "name", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "Prisma field name, e.g. customerId." })
], CatalogColumnType.prototype, "fieldName", 2);
__decorateClass([
  Field(() => String, { description: "PostgreSQL type, e.g. numeric(10,2) or OrderStatus." })
], CatalogColumnType.prototype, "sqlType", 2);
__decorateClass([
  Field(() => String, { description: "integer, number, text, boolean, timestamp, date, enum, json, uuid or other." })
], CatalogColumnType.prototype, "kind", 2);
__decorateClass([
  Field(() => Boolean)
], CatalogColumnType.prototype, "nullable", 2);
__decorateClass([
  Field(() => Boolean)
], CatalogColumnType.prototype, "isPrimaryKey", 2);
__decorateClass([
  Field(() => Boolean)
], CatalogColumnType.prototype, "isUnique", 2);
__decorateClass([
  Field(() => [String], { nullable: true, description: "Enum labels in declared order." })
], CatalogColumnType.prototype, "enumValues", 2);
__decorateClass([
  Field(() => CatalogReference, { nullable: true })
], CatalogColumnType.prototype, "references", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], CatalogColumnType.prototype, "description", 2);
__decorateClass([
  Field(() => [String])
], CatalogColumnType.prototype, "synonyms", 2);
__decorateClass([
  Field(() => [String], { nullable: true, description: "Distinct values of a low-cardinality text or enum column; null when not indexed." })
], CatalogColumnType.prototype, "knownValues", 2);
CatalogColumnType = __decorateClass([
  ObjectType({ description: "A column as the natural-language engine sees it." })
], CatalogColumnType);
let CatalogTableType = class {
  schema;
  name;
  modelName;
  description;
  synonyms;
  definitions;
  primaryKey;
  rowEstimate;
  columns;
};
__decorateClass([
  Field(() => String)
], CatalogTableType.prototype, "schema", 2);
__decorateClass([
  Field(() => String)
], CatalogTableType.prototype, "name", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], CatalogTableType.prototype, "modelName", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], CatalogTableType.prototype, "description", 2);
__decorateClass([
  Field(() => [String])
], CatalogTableType.prototype, "synonyms", 2);
__decorateClass([
  Field(() => [CatalogDefinition])
], CatalogTableType.prototype, "definitions", 2);
__decorateClass([
  Field(() => [String])
], CatalogTableType.prototype, "primaryKey", 2);
__decorateClass([
  Field(() => Int, { description: "Approximate row count (exact below 10,000)." })
], CatalogTableType.prototype, "rowEstimate", 2);
__decorateClass([
  Field(() => [CatalogColumnType])
], CatalogTableType.prototype, "columns", 2);
CatalogTableType = __decorateClass([
  ObjectType({ description: "A table the natural-language engine may read." })
], CatalogTableType);
let CatalogInfo = class {
  version;
  builtAt;
  tables;
};
__decorateClass([
  Field(() => String, { description: "Changes whenever the catalog's content changes." })
], CatalogInfo.prototype, "version", 2);
__decorateClass([
  Field(() => Date)
], CatalogInfo.prototype, "builtAt", 2);
__decorateClass([
  Field(() => [CatalogTableType])
], CatalogInfo.prototype, "tables", 2);
CatalogInfo = __decorateClass([
  ObjectType({ description: "Tables, columns, types, descriptions, synonyms and known values the natural-language engine uses." })
], CatalogInfo);
export {
  CatalogColumnType,
  CatalogDefinition,
  CatalogInfo,
  CatalogReference,
  CatalogTableType
};
