/** Reads products for the API: by id, and filtered (category, active, low stock, price), ordered pages. */
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { NotFoundError } from "../errors.js";
import { toProduct } from "./mappers.js";
import { paginate, type PageRequest, type SortSpec } from "./pagination.js";
import type { Direction, Page, ProductNode } from "./types.js";
import { checkId, checkNonNegative, checkRange } from "./validate.js";

export interface ProductFilterInput {
  categoryId?: number | null;
  active?: boolean | null;
  lowStock?: boolean | null;
  minPrice?: number | null;
  maxPrice?: number | null;
  search?: string | null;
}
export type ProductSortFieldName = "ID" | "NAME" | "SKU" | "PRICE" | "STOCK" | "CREATED_AT";

const sortFields: Record<ProductSortFieldName, Omit<SortSpec, "direction">> = {
  ID: { field: "id" },
  NAME: { field: "name" },
  SKU: { field: "sku" },
  PRICE: { field: "price" },
  STOCK: { field: "stock" },
  CREATED_AT: { field: "createdAt" },
};

export class ProductService {
  constructor(private readonly prisma: PrismaClient, private readonly maxPageSize: number) {}

  async byId(id: number): Promise<ProductNode> {
    checkId(id);
    const row = await this.prisma.product.findUnique({ where: { id } });
    if (!row) throw new NotFoundError("Product", id);
    return toProduct(row);
  }

  async list(filter: ProductFilterInput | null | undefined, order: { field: ProductSortFieldName; direction: Direction } | null | undefined, page: PageRequest): Promise<Page<ProductNode>> {
    const where: Prisma.ProductWhereInput = {};
    const and: Prisma.ProductWhereInput[] = [];
    if (filter?.categoryId != null) {
      checkId(filter.categoryId, "filter.categoryId");
      where.categoryId = filter.categoryId;
    }
    if (filter?.active != null) where.active = filter.active;
    // A column-to-column comparison: Prisma field references, no raw SQL.
    if (filter?.lowStock === true) where.stock = { lte: this.prisma.product.fields.reorderLevel };
    if (filter?.lowStock === false) where.stock = { gt: this.prisma.product.fields.reorderLevel };
    checkNonNegative(filter?.minPrice, "filter.minPrice");
    checkNonNegative(filter?.maxPrice, "filter.maxPrice");
    checkRange(filter?.minPrice, filter?.maxPrice, "filter.minPrice", "filter.maxPrice");
    if (filter?.minPrice != null) and.push({ price: { gte: filter.minPrice } });
    if (filter?.maxPrice != null) and.push({ price: { lte: filter.maxPrice } });
    const search = filter?.search?.trim();
    if (search) and.push({ OR: [{ name: { contains: search, mode: "insensitive" } }, { sku: { contains: search, mode: "insensitive" } }] });
    if (and.length) where.AND = and;
    const sort: SortSpec = { ...sortFields[order?.field ?? "ID"], direction: order?.direction ?? "ASC" };
    return paginate({
      request: page,
      maxPageSize: this.maxPageSize,
      sort,
      where: where as Record<string, unknown>,
      findMany: (a) => this.prisma.product.findMany(a as Prisma.ProductFindManyArgs),
      count: (a) => this.prisma.product.count(a as Prisma.ProductCountArgs),
      map: toProduct,
    });
  }
}
