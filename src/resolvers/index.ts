import type { NonEmptyArray } from "type-graphql";
import { SystemResolver } from "./system.resolver.js";
import { SalesResolver } from "./sales.resolver.js";
import { CatalogResolver } from "./catalog.resolver.js";
import { AskResolver } from "./ask.resolver.js";
import { JobResolver } from "./job.resolver.js";
import { IngestResolver } from "./ingest.resolver.js";
import { TransformResolver } from "./transform.resolver.js";
import { MlResolver } from "./ml.resolver.js";
import { QualityResolver } from "./quality.resolver.js";
import { CacheResolver } from "./cache.resolver.js";
import { ObservabilityResolver } from "./observability.resolver.js";
import { SchemaResolver } from "./schema.resolver.js";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  SystemResolver,
  SalesResolver,
  CatalogResolver,
  AskResolver,
  JobResolver,
  IngestResolver,
  TransformResolver,
  CacheResolver,
  ObservabilityResolver,
  MlResolver,
  QualityResolver,
  SchemaResolver,
];
