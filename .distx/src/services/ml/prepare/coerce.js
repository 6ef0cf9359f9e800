function coerce(kind, value) {
  if (value === null || value === void 0) return null;
  switch (kind) {
    case "number": {
      if (typeof value === "number") return Number.isFinite(value) ? value : void 0;
      if (typeof value === "bigint") return Number(value);
      if (typeof value === "string" && value.trim() !== "") {
        const n = Number(value);
        return Number.isFinite(n) ? n : void 0;
      }
      if (typeof value === "boolean") return void 0;
      return void 0;
    }
    case "boolean": {
      if (typeof value === "boolean") return value ? 1 : 0;
      if (value === 0 || value === 1) return value;
      if (value === "true" || value === "t") return 1;
      if (value === "false" || value === "f") return 0;
      return void 0;
    }
    case "category": {
      if (typeof value === "string") return value;
      if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
      return void 0;
    }
    case "date": {
      let ms;
      if (value instanceof Date) ms = value.getTime();
      else if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)) ms = Date.parse(value);
      else if (typeof value === "number") ms = value;
      else return void 0;
      return Number.isFinite(ms) ? ms : void 0;
    }
  }
}
const msToDays = (ms) => ms / 864e5;
export {
  coerce,
  msToDays
};
