import type { NonEmptyArray } from "type-graphql";
import { SystemResolver } from "./system.resolver.js";
import { MlResolver } from "./ml.resolver.js";
import { QualityResolver } from "./quality.resolver.js";
import { CatalogResolver } from "./catalog.resolver.js";
import { JobResolver } from "./job.resolver.js";
import { IngestResolver } from "./ingest.resolver.js";
import { TransformResolver } from "./transform.resolver.js";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [SystemResolver, CatalogResolver, JobResolver, IngestResolver, TransformResolver, MlResolver, QualityResolver];
