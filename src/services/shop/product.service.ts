/** Reads products for the API: by id, and filtered (category, active, low stock, price), ordered pages. */
import type { SqlRunner } from "../db/index.js";
import { NotFoundError } from "../errors.js";
import { SHOP_COLUMNS, selectFields } from "./columns.js";
import { toProduct } from "./mappers.js";
import { Conditions, containsPattern, paginate, type PageRequest, type SortSpec } from "./pagination.js";
import type { Direction, Page, ProductNode, ProductRow } from "./types.js";
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
  constructor(private readonly db: SqlRunner, private readonly maxPageSize: number) {}

  async byId(id: number): Promise<ProductNode> {
    checkId(id);
    const row = (await this.db.query<ProductRow>(`SELECT ${selectFields("products")} FROM products WHERE id = $1::int`, [id])).rows[0];
    if (!row) throw new NotFoundError("Product", id);
    return toProduct(row);
  }

  async list(filter: ProductFilterInput | null | undefined, order: { field: ProductSortFieldName; direction: Direction } | null | undefined, page: PageRequest): Promise<Page<ProductNode>> {
    const where = new Conditions();
    if (filter?.categoryId != null) {
      checkId(filter.categoryId, "filter.categoryId");
      where.add((p) => `category_id = ${p(filter.categoryId)}::int`);
    }
    if (filter?.active != null) where.add((p) => `active = ${p(filter.active)}::boolean`);
    if (filter?.lowStock === true) where.add(() => `stock <= reorder_level`);
    if (filter?.lowStock === false) where.add(() => `stock > reorder_level`);
    checkNonNegative(filter?.minPrice, "filter.minPrice");
    checkNonNegative(filter?.maxPrice, "filter.maxPrice");
    checkRange(filter?.minPrice, filter?.maxPrice, "filter.minPrice", "filter.maxPrice");
    if (filter?.minPrice != null) where.add((p) => `price >= ${p(String(filter.minPrice))}::numeric`);
    if (filter?.maxPrice != null) where.add((p) => `price <= ${p(String(filter.maxPrice))}::numeric`);
    const search = filter?.search?.trim();
    if (search) where.add((p) => {
        const pattern = p(containsPattern(search));
        return `(name ILIKE ${pattern} OR sku ILIKE ${pattern})`;
      });
    const sort: SortSpec = { ...sortFields[order?.field ?? "ID"], direction: order?.direction ?? "ASC" };
    return paginate({
      request: page,
      maxPageSize: this.maxPageSize,
      sort,
      table: "products",
      columns: SHOP_COLUMNS.products,
      select: selectFields("products"),
      where,
      query: (text, params) => this.db.query(text, params),
      map: toProduct,
    });
  }
}
