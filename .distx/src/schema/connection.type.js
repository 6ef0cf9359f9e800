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
let PageInfo = class {
  hasNextPage;
  hasPreviousPage;
  startCursor;
  endCursor;
};
__decorateClass([
  Field(() => Boolean)
], PageInfo.prototype, "hasNextPage", 2);
__decorateClass([
  Field(() => Boolean, { description: "True when this page was asked for with `after`." })
], PageInfo.prototype, "hasPreviousPage", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "Cursor of the first edge; null on an empty page." })
], PageInfo.prototype, "startCursor", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "Cursor of the last edge; null on an empty page." })
], PageInfo.prototype, "endCursor", 2);
PageInfo = __decorateClass([
  ObjectType({ description: "Where a page sits in the whole list. Pass endCursor as `after` to get the next page." })
], PageInfo);
function Connection(nodeType, name) {
  let EdgeType = class {
    cursor;
    node;
  };
  __decorateClass([
    Field(() => String, { description: "Opaque position of this node; pass it as `after` to continue after it." })
  ], EdgeType.prototype, "cursor", 2);
  __decorateClass([
    Field(() => nodeType)
  ], EdgeType.prototype, "node", 2);
  EdgeType = __decorateClass([
    ObjectType(`${name}Edge`)
  ], EdgeType);
  let ConnectionBase = class {
    edges;
    pageInfo;
    totalCount;
  };
  __decorateClass([
    Field(() => [EdgeType])
  ], ConnectionBase.prototype, "edges", 2);
  __decorateClass([
    Field(() => PageInfo)
  ], ConnectionBase.prototype, "pageInfo", 2);
  __decorateClass([
    Field(() => Int, { description: "How many nodes match the filter, over all pages." })
  ], ConnectionBase.prototype, "totalCount", 2);
  ConnectionBase = __decorateClass([
    ObjectType(`${name}ConnectionBase`)
  ], ConnectionBase);
  return ConnectionBase;
}
export {
  Connection,
  PageInfo
};
