/** Reads product categories for the API (a short list: no pagination). */
import type { SqlRunner } from "../db/index.js";
import { selectFields } from "./columns.js";
import { toCategory } from "./mappers.js";
import type { CategoryNode, CategoryRow } from "./types.js";

export class CategoryService {
  constructor(private readonly db: SqlRunner) {}

  async all(): Promise<CategoryNode[]> {
    const { rows } = await this.db.query<CategoryRow>(`SELECT ${selectFields("categories")} FROM categories ORDER BY name ASC`);
    return rows.map(toCategory);
  }
}
