import { BadUserInputError, NotFoundError } from "../errors.js";
import { toCustomer } from "./mappers.js";
import { paginate } from "./pagination.js";
import { checkId } from "./validate.js";
const sortFields = {
  ID: { field: "id" },
  NAME: { field: "name" },
  EMAIL: { field: "email" },
  COUNTRY: { field: "country" },
  CREATED_AT: { field: "createdAt" }
};
class CustomerService {
  constructor(prisma, maxPageSize) {
    this.prisma = prisma;
    this.maxPageSize = maxPageSize;
  }
  prisma;
  maxPageSize;
  async byId(id) {
    checkId(id);
    const row = await this.prisma.customer.findUnique({ where: { id } });
    if (!row) throw new NotFoundError("Customer", id);
    return toCustomer(row);
  }
  async list(filter, order, page) {
    const where = {};
    if (filter?.country != null) {
      if (!/^[A-Za-z]{2}$/.test(filter.country)) {
        throw new BadUserInputError(`filter.country must be a two-letter ISO 3166-1 code such as DE or US; got "${filter.country}".`, {
          problems: [{ field: "filter.country", message: "expected two letters" }]
        });
      }
      where.country = filter.country.toUpperCase();
    }
    if (filter?.segment != null) where.segment = filter.segment;
    const search = filter?.search?.trim();
    if (search) {
      where.OR = [{ name: { contains: search, mode: "insensitive" } }, { email: { contains: search, mode: "insensitive" } }];
    }
    const sort = { ...sortFields[order?.field ?? "ID"], direction: order?.direction ?? "ASC" };
    return paginate({
      request: page,
      maxPageSize: this.maxPageSize,
      sort,
      where,
      findMany: (a) => this.prisma.customer.findMany(a),
      count: (a) => this.prisma.customer.count(a),
      map: toCustomer
    });
  }
}
export {
  CustomerService
};
