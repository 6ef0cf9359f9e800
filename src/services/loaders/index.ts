/**
 * DataLoader factories. `createLoaders` is called once per request by the
 * context factory: a loader's cache must never outlive the request that made it.
 */
import type { PrismaClient } from "../../generated/prisma/client.js";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

export function createLoaders(_prisma: PrismaClient): Loaders {
  return {};
}
