import { NotFoundError } from "../errors.js";
import { toProduct } from "./mappers.js";
import { paginate } from "./pagination.js";
import { checkId, checkNonNegative, checkRange } from "./validate.js";
const sortFields = {
  ID: { field: "id" },
  NAME: { field: "name" },
  SKU: { field: "sku" },
  PRICE: { field: "price" },
  STOCK: { field: "stock" },
  CREATED_AT: { field: "createdAt" }
};
class ProductService {
  constructor(prisma, maxPageSize) {
    this.prisma = prisma;
    this.maxPageSize = maxPageSize;
  }
  prisma;
  maxPageSize;
  async byId(id) {
    checkId(id);
    const row = await this.prisma.product.findUnique({ where: { id } });
    if (!row) throw new NotFoundError("Product", id);
    return toProduct(row);
  }
  async list(filter, order, page) {
    const where = {};
    const and = [];
    if (filter?.categoryId != null) {
      checkId(filter.categoryId, "filter.categoryId");
      where.categoryId = filter.categoryId;
    }
    if (filter?.active != null) where.active = filter.active;
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
    const sort = { ...sortFields[order?.field ?? "ID"], direction: order?.direction ?? "ASC" };
    return paginate({
      request: page,
      maxPageSize: this.maxPageSize,
      sort,
      where,
      findMany: (a) => this.prisma.product.findMany(a),
      count: (a) => this.prisma.product.count(a),
      map: toProduct
    });
  }
}
export {
  ProductService
};
