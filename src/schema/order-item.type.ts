import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "One line of an order." })
export class OrderItem {
  @Field(() => Int)
  id!: number;

  @Field(() => Int)
  orderId!: number;

  @Field(() => Int)
  productId!: number;

  @Field(() => Int, { description: "Units ordered, at least 1." })
  quantity!: number;

  @Field(() => Float, { description: "Price per unit at the time of the order (money, 2 decimals)." })
  unitPrice!: number;

  @Field(() => Float, { description: "Discount as a fraction from 0 to 1." })
  discount!: number;

  @Field(() => Float, { description: "quantity * unitPrice * (1 - discount), rounded to cents." })
  lineTotal!: number;
}
