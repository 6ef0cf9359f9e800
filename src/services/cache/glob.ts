/** Glob patterns for cache invalidation: `*` any run of characters, `?` one character, nothing else special. */
export const GLOB_SHAPE = /^[\w:.*?-]{1,200}$/;

export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}
