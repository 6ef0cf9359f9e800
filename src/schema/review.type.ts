import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A customer's review of a product." })
export class Review {
  @Field(() => Int)
  id!: number;

  @Field(() => Int)
  productId!: number;

  @Field(() => Int)
  customerId!: number;

  @Field(() => Int, { description: "Star rating from 1 to 5." })
  rating!: number;

  @Field(() => String, { nullable: true })
  body!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}
