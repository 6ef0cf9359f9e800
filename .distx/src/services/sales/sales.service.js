import { BadUserInputError } from "../errors.js";
const SALES_TABLES = ["orders", "order_items", "customers", "products", "categories"];
const MAX_RANGE_YEARS = 5;
const NOT_REVENUE = `o.status NOT IN ('CANCELLED', 'REFUNDED')`;
const utc = (unit) => `date_trunc('${unit}', o.ordered_at AT TIME ZONE 'UTC')`;
const orderGroups = {
  DAY: { key: `to_char(${utc("day")}, 'YYYY-MM-DD')`, label: `to_char(${utc("day")}, 'YYYY-MM-DD')`, period: `${utc("day")} AT TIME ZONE 'UTC'`, orderBy: "key" },
  WEEK: { key: `to_char(${utc("week")}, 'YYYY-MM-DD')`, label: `to_char(${utc("week")}, 'IYYY-"W"IW')`, period: `${utc("week")} AT TIME ZONE 'UTC'`, orderBy: "key" },
  MONTH: { key: `to_char(${utc("month")}, 'YYYY-MM')`, label: `to_char(${utc("month")}, 'YYYY-MM')`, period: `${utc("month")} AT TIME ZONE 'UTC'`, orderBy: "key" },
  COUNTRY: { key: "o.country", label: "o.country", period: "NULL::timestamptz", orderBy: "revenue DESC, key" },
  CHANNEL: { key: "o.channel::text", label: "o.channel::text", period: "NULL::timestamptz", orderBy: "revenue DESC, key" },
  SEGMENT: { key: "o.segment::text", label: "o.segment::text", period: "NULL::timestamptz", orderBy: "revenue DESC, key" }
};
function orderLevelSql(g) {
  return `
    WITH o AS (
      SELECT o.id, o.total, o.ordered_at, o.channel, c.country, c.segment
      FROM orders o JOIN customers c ON c.id = o.customer_id
      WHERE o.ordered_at >= $1::timestamptz AND o.ordered_at < $2::timestamptz AND ${NOT_REVENUE}
    ), u AS (
      SELECT oi.order_id, sum(oi.quantity) AS units
      FROM order_items oi JOIN o ON o.id = oi.order_id
      GROUP BY oi.order_id
    )
    SELECT ${g.key} AS key, ${g.label} AS label, ${g.period} AS period_start,
           round(sum(o.total), 2)::float8 AS revenue,
           count(*)::int AS order_count,
           coalesce(sum(u.units), 0)::int8 AS units,
           round(sum(o.total) / count(*), 2)::float8 AS average_order_value
    FROM o LEFT JOIN u ON u.order_id = o.id
    GROUP BY 1, 2, 3
    ORDER BY ${g.orderBy}`;
}
const categorySql = `
  SELECT cat.id::text AS key, cat.name AS label, NULL::timestamptz AS period_start,
         round(sum(oi.quantity * oi.unit_price * (1 - oi.discount)), 2)::float8 AS revenue,
         count(DISTINCT o.id)::int AS order_count,
         sum(oi.quantity)::int8 AS units,
         round(sum(oi.quantity * oi.unit_price * (1 - oi.discount)) / count(DISTINCT o.id), 2)::float8 AS average_order_value
  FROM orders o
  JOIN order_items oi ON oi.order_id = o.id
  JOIN products p ON p.id = oi.product_id
  JOIN categories cat ON cat.id = p.category_id
  WHERE o.ordered_at >= $1::timestamptz AND o.ordered_at < $2::timestamptz AND ${NOT_REVENUE}
  GROUP BY cat.id, cat.name
  ORDER BY revenue DESC, key`;
class SalesService {
  constructor(db) {
    this.db = db;
  }
  db;
  async summary(input) {
    const { from, to, groupBy } = input;
    if (!(from.getTime() < to.getTime())) {
      throw new BadUserInputError(`from (${from.toISOString()}) must be before to (${to.toISOString()}); the range is [from, to).`, {
        problems: [{ field: "from", message: "must be before to" }]
      });
    }
    const limit = new Date(from);
    limit.setUTCFullYear(limit.getUTCFullYear() + MAX_RANGE_YEARS);
    if (to.getTime() > limit.getTime()) {
      throw new BadUserInputError(
        `The range from ${from.toISOString()} to ${to.toISOString()} is longer than ${MAX_RANGE_YEARS} years; ask for at most ${MAX_RANGE_YEARS} years (to \u2264 ${limit.toISOString()}) per call.`,
        { problems: [{ field: "to", message: `at most ${MAX_RANGE_YEARS} years after from` }], maxYears: MAX_RANGE_YEARS }
      );
    }
    const sql = groupBy === "CATEGORY" ? categorySql : orderLevelSql(orderGroups[groupBy]);
    const { rows } = await this.db.query(sql, [from.toISOString(), to.toISOString()]);
    return rows.map((r) => ({
      key: String(r.key),
      label: String(r.label),
      periodStart: r.period_start === null ? null : new Date(r.period_start),
      revenue: Number(r.revenue),
      orderCount: Number(r.order_count),
      units: Number(r.units),
      averageOrderValue: Number(r.average_order_value)
    }));
  }
}
export {
  MAX_RANGE_YEARS,
  SALES_TABLES,
  SalesService
};
