/** Reads customers for the API: by id, and filtered, ordered pages in plain SQL. */
import type { SqlRunner } from "../db/index.js";
import { BadUserInputError, NotFoundError } from "../errors.js";
import { SHOP_COLUMNS, selectFields } from "./columns.js";
import { toCustomer } from "./mappers.js";
import { Conditions, containsPattern, paginate, type PageRequest, type SortSpec } from "./pagination.js";
import type { CustomerNode, CustomerRow, Direction, Page } from "./types.js";
import { checkId } from "./validate.js";

export interface CustomerFilterInput {
  country?: string | null;
  segment?: "CONSUMER" | "SMB" | "ENTERPRISE" | null;
  search?: string | null;
}
export type CustomerSortFieldName = "ID" | "NAME" | "EMAIL" | "COUNTRY" | "CREATED_AT";

const sortFields: Record<CustomerSortFieldName, Omit<SortSpec, "direction">> = {
  ID: { field: "id" },
  NAME: { field: "name" },
  EMAIL: { field: "email" },
  COUNTRY: { field: "country" },
  CREATED_AT: { field: "createdAt" },
};

export class CustomerService {
  constructor(private readonly db: SqlRunner, private readonly maxPageSize: number) {}

  async byId(id: number): Promise<CustomerNode> {
    checkId(id);
    const row = (await this.db.query<CustomerRow>(`SELECT ${selectFields("customers")} FROM customers WHERE id = $1::int`, [id])).rows[0];
    if (!row) throw new NotFoundError("Customer", id);
    return toCustomer(row);
  }

  async list(filter: CustomerFilterInput | null | undefined, order: { field: CustomerSortFieldName; direction: Direction } | null | undefined, page: PageRequest): Promise<Page<CustomerNode>> {
    const where = new Conditions();
    if (filter?.country != null) {
      if (!/^[A-Za-z]{2}$/.test(filter.country)) {
        throw new BadUserInputError(`filter.country must be a two-letter ISO 3166-1 code such as DE or US; got "${filter.country}".`, {
          problems: [{ field: "filter.country", message: "expected two letters" }],
        });
      }
      const country = filter.country.toUpperCase();
      where.add((p) => `country = ${p(country)}`);
    }
    if (filter?.segment != null) where.add((p) => `segment = ${p(filter.segment)}::"CustomerSegment"`);
    const search = filter?.search?.trim();
    if (search) where.add((p) => {
        const pattern = p(containsPattern(search));
        return `(name ILIKE ${pattern} OR email ILIKE ${pattern})`;
      });
    const sort: SortSpec = { ...sortFields[order?.field ?? "ID"], direction: order?.direction ?? "ASC" };
    return paginate({
      request: page,
      maxPageSize: this.maxPageSize,
      sort,
      table: "customers",
      columns: SHOP_COLUMNS.customers,
      select: selectFields("customers"),
      where,
      query: (text, params) => this.db.query(text, params),
      map: toCustomer,
    });
  }
}
