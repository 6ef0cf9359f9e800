import { Field, Float, Int, ObjectType } from "type-graphql";
import { Connection } from "./connection.type.js";

@ObjectType({ description: "Something the shop sells. Money amounts are Float in the shop's currency, exact to the cent (numeric(10,2) in the database)." })
export class Product {
  @Field(() => Int)
  id!: number;

  @Field(() => String, { description: "Stock keeping unit, unique." })
  sku!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  categoryId!: number;

  @Field(() => Float, { description: "List price per unit (money, 2 decimals)." })
  price!: number;

  @Field(() => Float, { description: "Unit cost to the shop (money, 2 decimals)." })
  cost!: number;

  @Field(() => Int, { description: "Units on hand." })
  stock!: number;

  @Field(() => Int, { description: "Stock at or below this level means low stock." })
  reorderLevel!: number;

  @Field(() => Boolean, { description: "stock <= reorderLevel." })
  lowStock!: boolean;

  @Field(() => Boolean, { description: "False for discontinued products." })
  active!: boolean;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType({ description: "A page of products." })
export class ProductConnection extends Connection(Product, "Product") {}
