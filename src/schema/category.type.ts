import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A product category." })
export class Category {
  @Field(() => Int)
  id!: number;

  @Field(() => String)
  name!: string;
}
