/** Filter and ordering inputs of the demo shop's list queries. Checked by the services. */
import { Field, Float, InputType, Int } from "type-graphql";
import {
  CustomerSegment,
  CustomerSortField,
  OrderSortField,
  OrderStatus,
  ProductSortField,
  SalesChannel,
  SortDirection,
} from "./shop.enums.js";

@InputType({ description: "All given conditions must hold." })
export class CustomerFilter {
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code, e.g. DE (case-insensitive)." })
  country?: string | null;

  @Field(() => CustomerSegment, { nullable: true })
  segment?: CustomerSegment | null;

  @Field(() => String, { nullable: true, description: "Case-insensitive substring of the name or e-mail." })
  search?: string | null;
}

@InputType()
export class CustomerOrder {
  @Field(() => CustomerSortField, { defaultValue: CustomerSortField.ID })
  field!: CustomerSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@InputType({ description: "All given conditions must hold." })
export class ProductFilter {
  @Field(() => Int, { nullable: true })
  categoryId?: number | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "true: stock <= reorderLevel; false: stock above it." })
  lowStock?: boolean | null;

  @Field(() => Float, { nullable: true, description: "Lowest price, inclusive." })
  minPrice?: number | null;

  @Field(() => Float, { nullable: true, description: "Highest price, inclusive." })
  maxPrice?: number | null;

  @Field(() => String, { nullable: true, description: "Case-insensitive substring of the name or SKU." })
  search?: string | null;
}

@InputType()
export class ProductOrder {
  @Field(() => ProductSortField, { defaultValue: ProductSortField.ID })
  field!: ProductSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@InputType({ description: "All given conditions must hold." })
export class OrderFilter {
  @Field(() => [OrderStatus], { nullable: true, description: "Any of these statuses." })
  statuses?: OrderStatus[] | null;

  @Field(() => SalesChannel, { nullable: true })
  channel?: SalesChannel | null;

  @Field(() => Int, { nullable: true })
  customerId?: number | null;

  @Field(() => Date, { nullable: true, description: "Ordered at or after this time (inclusive)." })
  orderedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: "Ordered before this time (exclusive)." })
  orderedTo?: Date | null;

  @Field(() => Float, { nullable: true, description: "Lowest total, inclusive." })
  minTotal?: number | null;

  @Field(() => Float, { nullable: true, description: "Highest total, inclusive." })
  maxTotal?: number | null;
}

@InputType()
export class OrderOrder {
  @Field(() => OrderSortField, { defaultValue: OrderSortField.ID })
  field!: OrderSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}
