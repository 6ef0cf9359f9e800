/** The enum of salesSummary, the one hand-written query over the demo shop (the rest of its API is generated). */
import { registerEnumType } from "type-graphql";

export const SalesGroupBy = {
  DAY: "DAY",
  WEEK: "WEEK",
  MONTH: "MONTH",
  CATEGORY: "CATEGORY",
  COUNTRY: "COUNTRY",
  CHANNEL: "CHANNEL",
  SEGMENT: "SEGMENT",
} as const;
export type SalesGroupBy = (typeof SalesGroupBy)[keyof typeof SalesGroupBy];
registerEnumType(SalesGroupBy, {
  name: "SalesGroupBy",
  description: "How salesSummary groups orders. Periods are UTC; WEEK is the ISO week starting on Monday.",
  valuesConfig: {
    CATEGORY: { description: "Product category; revenue is the category's share of each order (its line amounts), see salesSummary." },
    COUNTRY: { description: "The customer's country (ISO 3166-1 alpha-2)." },
    SEGMENT: { description: "The customer's segment." },
  },
});
