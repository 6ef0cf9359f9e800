/** Relay connections over the gateway's own lists: cursors, page-size rules and keyset SQL in one place. */
export { keysetPage, type KeysetList, type SortKey } from "./keyset.js";
export { pageWindow, type PageWindow } from "./page-window.js";
export { encodeCursor, decodeCursor, type KeyType } from "./cursor.js";
export * from "./types.js";
