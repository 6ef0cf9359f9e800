/** Reads customers for the API: by id, and filtered, ordered pages over Prisma. */
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { BadUserInputError, NotFoundError } from "../errors.js";
import { toCustomer } from "./mappers.js";
import { paginate, type PageRequest, type SortSpec } from "./pagination.js";
import type { CustomerNode, Direction, Page } from "./types.js";
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
  constructor(private readonly prisma: PrismaClient, private readonly maxPageSize: number) {}

  async byId(id: number): Promise<CustomerNode> {
    checkId(id);
    const row = await this.prisma.customer.findUnique({ where: { id } });
    if (!row) throw new NotFoundError("Customer", id);
    return toCustomer(row);
  }

  async list(filter: CustomerFilterInput | null | undefined, order: { field: CustomerSortFieldName; direction: Direction } | null | undefined, page: PageRequest): Promise<Page<CustomerNode>> {
    const where: Prisma.CustomerWhereInput = {};
    if (filter?.country != null) {
      if (!/^[A-Za-z]{2}$/.test(filter.country)) {
        throw new BadUserInputError(`filter.country must be a two-letter ISO 3166-1 code such as DE or US; got "${filter.country}".`, {
          problems: [{ field: "filter.country", message: "expected two letters" }],
        });
      }
      where.country = filter.country.toUpperCase();
    }
    if (filter?.segment != null) where.segment = filter.segment;
    const search = filter?.search?.trim();
    if (search) {
      where.OR = [{ name: { contains: search, mode: "insensitive" } }, { email: { contains: search, mode: "insensitive" } }];
    }
    const sort: SortSpec = { ...sortFields[order?.field ?? "ID"], direction: order?.direction ?? "ASC" };
    return paginate({
      request: page,
      maxPageSize: this.maxPageSize,
      sort,
      where: where as Record<string, unknown>,
      findMany: (a) => this.prisma.customer.findMany(a as Prisma.CustomerFindManyArgs),
      count: (a) => this.prisma.customer.count(a as Prisma.CustomerCountArgs),
      map: toCustomer,
    });
  }
}
