import { Field, Float, Int, ObjectType } from "type-graphql";
import { Connection } from "./connection.type.js";
import { OrderStatus, SalesChannel } from "./shop.enums.js";

@ObjectType({ description: "A customer's order." })
export class Order {
  @Field(() => Int)
  id!: number;

  @Field(() => Int)
  customerId!: number;

  @Field(() => OrderStatus)
  status!: OrderStatus;

  @Field(() => SalesChannel)
  channel!: SalesChannel;

  @Field(() => Date, { description: "When the order was placed." })
  orderedAt!: Date;

  @Field(() => Float, { description: "Sum of the items' quantity * unitPrice * (1 - discount), rounded to cents (money as Float, exact to the cent)." })
  total!: number;
}

@ObjectType({ description: "A page of orders." })
export class OrderConnection extends Connection(Order, "Order") {}
