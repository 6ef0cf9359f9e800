/** Reads product categories for the API (a short list: no pagination). */
import type { PrismaClient } from "../../generated/prisma/client.js";
import { toCategory } from "./mappers.js";
import type { CategoryNode } from "./types.js";

export class CategoryService {
  constructor(private readonly prisma: PrismaClient) {}

  async all(): Promise<CategoryNode[]> {
    const rows = await this.prisma.category.findMany({ orderBy: { name: "asc" } });
    return rows.map(toCategory);
  }
}
