import { Field, Int, ObjectType } from "type-graphql";
import { Connection } from "./connection.type.js";
import { CustomerSegment } from "./shop.enums.js";

@ObjectType({ description: "A person or company that buys from the shop." })
export class Customer {
  @Field(() => Int)
  id!: number;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "ISO 3166-1 alpha-2 country code, e.g. DE." })
  country!: string;

  @Field(() => String)
  city!: string;

  @Field(() => CustomerSegment)
  segment!: CustomerSegment;

  @Field(() => Date, { description: "Signup time." })
  createdAt!: Date;
}

@ObjectType({ description: "A page of customers." })
export class CustomerConnection extends Connection(Customer, "Customer") {}
