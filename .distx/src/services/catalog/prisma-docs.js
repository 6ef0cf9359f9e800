const mapArg = /@map\(\s*(?:name\s*:\s*)?"([^"]+)"\s*\)/;
const modelMapArg = /@@map\(\s*(?:name\s*:\s*)?"([^"]+)"\s*\)/;
const schemaArg = /@@schema\(\s*"([^"]+)"\s*\)/;
function parsePrismaDocs(text) {
  const models = [];
  const enums = {};
  let pending = [];
  let block = null;
  const takeDoc = () => {
    const d = pending.length ? pending.join("\n") : null;
    pending = [];
    return d;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("///")) {
      pending.push(line.slice(3).trim());
      continue;
    }
    if (line === "" || line.startsWith("//")) {
      if (line === "" && !block) pending = [];
      continue;
    }
    if (!block) {
      const m = /^(model|enum|view|type|generator|datasource)\s+(\w+)\s*\{/.exec(line);
      if (m) {
        const doc = takeDoc();
        if (m[1] === "model" || m[1] === "view") {
          const model = { modelName: m[2], tableName: m[2], schema: null, doc, fields: [] };
          models.push(model);
          block = { kind: "model", model };
        } else if (m[1] === "enum") {
          enums[m[2]] = doc;
          block = { kind: "enum" };
        } else block = { kind: "other" };
      } else pending = [];
      continue;
    }
    if (line.startsWith("}")) {
      block = null;
      pending = [];
      continue;
    }
    if (block.kind !== "model") {
      pending = [];
      continue;
    }
    if (line.startsWith("@@")) {
      const mm = modelMapArg.exec(line);
      if (mm) block.model.tableName = mm[1];
      const sm = schemaArg.exec(line);
      if (sm) block.model.schema = sm[1];
      pending = [];
      continue;
    }
    const f = /^(\w+)\s+(\w+)(\[\])?(\?)?/.exec(line);
    if (f) {
      const doc = takeDoc();
      const mm = mapArg.exec(line);
      block.model.fields.push({ fieldName: f[1], columnName: mm ? mm[1] : f[1], typeName: f[2], doc });
    } else pending = [];
  }
  return { models, enums };
}
function splitDoc(text) {
  const out = { description: null, synonyms: [], definitions: {} };
  if (!text) return out;
  const descParts = [];
  for (const rawLine of text.split(/\n/)) {
    let line = rawLine.trim();
    const def = /^Definitions?\s*:\s*(.+)$/i.exec(line);
    if (def) {
      addDefinition(out.definitions, def[1].trim());
      continue;
    }
    const syn = /\bSynonyms?\s*:\s*([^.;]*)[.;]?/i.exec(line);
    if (syn) {
      for (const s of syn[1].split(",")) {
        const v = s.trim().replace(/^["']|["']$/g, "");
        if (v && !out.synonyms.includes(v)) out.synonyms.push(v);
      }
      line = (line.slice(0, syn.index) + line.slice(syn.index + syn[0].length)).trim();
    }
    if (line) descParts.push(line);
  }
  out.description = descParts.length ? descParts.join(" ") : null;
  return out;
}
function addDefinition(into, text) {
  const m = /^(.+?)\s*(?:\(([^)]*)\))?\s+(?:is|are|means|=)\s+(.+)$/i.exec(text);
  if (!m) return;
  const meaning = m[3].replace(/\.\s*$/, "").trim();
  const terms = [m[1].trim()];
  if (m[2]) for (const a of m[2].replace(/^\s*also\s+/i, "").split(/,|\bor\b/)) terms.push(a.trim().replace(/^["']|["']$/g, ""));
  for (const t of terms) {
    const key = t.toLowerCase().replace(/^["']|["']$/g, "").trim();
    if (key && !(key in into)) into[key] = meaning;
  }
}
export {
  parsePrismaDocs,
  splitDoc
};
