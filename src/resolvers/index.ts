import type { NonEmptyArray } from "type-graphql";
import { SystemResolver } from "./system.resolver.js";
import { CacheResolver } from "./cache.resolver.js";
import { ObservabilityResolver } from "./observability.resolver.js";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [SystemResolver, CacheResolver, ObservabilityResolver];
