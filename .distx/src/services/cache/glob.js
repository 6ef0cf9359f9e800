const GLOB_SHAPE = /^[\w:.*?-]{1,200}$/;
function globToRegExp(glob) {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}
export {
  GLOB_SHAPE,
  globToRegExp
};
