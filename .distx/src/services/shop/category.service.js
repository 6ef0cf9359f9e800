import { toCategory } from "./mappers.js";
class CategoryService {
  constructor(prisma) {
    this.prisma = prisma;
  }
  prisma;
  async all() {
    const rows = await this.prisma.category.findMany({ orderBy: { name: "asc" } });
    return rows.map(toCategory);
  }
}
export {
  CategoryService
};
