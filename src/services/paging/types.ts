/**
 * Shapes of a Relay connection as the services return them; the GraphQL types in
 * `src/schema/connection.type.ts` mirror these.
 */

/** Page size when a list is asked for with neither `first` nor `last` and the limits name none (API_DEFAULT_PAGE_SIZE's default). */
export const DEFAULT_PAGE_SIZE = 100;

/** What a caller asks of a list: `first`/`after` pages forward, `last`/`before` backward. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** The bound on page sizes and the default (config.api: MAX_PAGE_SIZE, API_DEFAULT_PAGE_SIZE), the same for every list of the API. */
export interface PageLimits {
  maxPageSize: number;
  defaultPageSize?: number;
}

export interface PageInfoShape {
  hasNextPage: boolean | Promise<boolean>;
  hasPreviousPage: boolean | Promise<boolean>;
  startCursor: string | null;
  endCursor: string | null;
}

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  nodes: T[];
  edges: Array<EdgeShape<T>>;
  pageInfo: PageInfoShape;
  /** Counted only when read: a promise made on first access. */
  readonly totalCount: number | Promise<number>;
}
