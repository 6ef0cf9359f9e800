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
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { CatalogInfo } from "../schema/catalog.type.js";
import { toCatalogInfo } from "../services/catalog/index.js";
let CatalogResolver = class {
  async catalog(ctx, refresh) {
    return toCatalogInfo(refresh ? await ctx.services.catalog.refresh() : await ctx.services.catalog.get());
  }
};
__decorateClass([
  Query(() => CatalogInfo, { description: "What the natural-language engine knows about the allow-listed tables (for autocompletion and explanations)." }),
  __decorateParam(0, Ctx()),
  __decorateParam(1, Arg("refresh", () => Boolean, { defaultValue: false, description: "Re-read the database first (after DDL or ingestion)." }))
], CatalogResolver.prototype, "catalog", 1);
CatalogResolver = __decorateClass([
  Resolver()
], CatalogResolver);
export {
  CatalogResolver
};
