import type { NonEmptyArray } from "type-graphql";
import { SystemResolver } from "./system.resolver.js";
import { MlResolver } from "./ml.resolver.js";
import { QualityResolver } from "./quality.resolver.js";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [SystemResolver, MlResolver, QualityResolver];
