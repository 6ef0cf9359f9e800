import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType({
  description:
    "One group of salesSummary. Only orders whose status is not CANCELLED or REFUNDED count. Money as Float, rounded to cents.",
})
export class SalesGroup {
  @Field(() => String, { description: "Stable key: YYYY-MM-DD (DAY, WEEK = its Monday), YYYY-MM (MONTH), category id, country code, channel or segment." })
  key!: string;

  @Field(() => String, { description: "Human-readable name: the date, ISO week (2026-W05), month, category name, country, channel or segment." })
  label!: string;

  @Field(() => Date, { nullable: true, description: "Start of the period (UTC) for DAY, WEEK and MONTH; null otherwise." })
  periodStart!: Date | null;

  @Field(() => Float, {
    description: "Sum of orders.total. For CATEGORY: the category's share, the sum of its line amounts quantity * unitPrice * (1 - discount).",
  })
  revenue!: number;

  @Field(() => Int, { description: "Orders in the group (for CATEGORY: orders with at least one line of the category)." })
  orderCount!: number;

  @Field(() => Int, { description: "Units sold: sum of item quantities (for CATEGORY: of the category's lines)." })
  units!: number;

  @Field(() => Float, { description: "revenue / orderCount, rounded to cents." })
  averageOrderValue!: number;
}
