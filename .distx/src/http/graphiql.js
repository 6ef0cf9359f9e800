import path from "node:path";
import { createRequire } from "node:module";
import express from "express";
const require2 = createRequire(import.meta.url);
const distDir = path.join(path.dirname(require2.resolve("@graphql-yoga/graphiql/package.json")), "dist");
const defaultQuery = `# Welcome to Kaizen DataFlow Gateway.
# Press the play button (Ctrl-Enter) to run; open the Docs panel for the schema.
query {
  gatewayInfo { version database pubSub uptimeSeconds }
}
`;
function graphiqlHtml(endpoint) {
  const opts = {
    endpoint,
    subscriptionsProtocol: "WS",
    title: "Kaizen DataFlow Gateway",
    // The yoga bundle reads `query` (not GraphiQL's defaultQuery) for the first tab.
    query: defaultQuery,
    headerEditorEnabled: true
  };
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Kaizen DataFlow Gateway \xB7 GraphiQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <link rel="icon" href="data:," />
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql"><noscript>GraphiQL needs JavaScript.</noscript></div>
  <script>
    // The bundle ships Monaco's web workers but does not say where they live; without
    // this the editor falls back to the main thread and logs errors.
    self.MonacoEnvironment = {
      getWorker: function (_id, label) {
        var file = label === "json" ? "json.worker.bundle.js" : label === "graphql" ? "graphql.worker..bundle.js" : "editor.worker.bundle.js";
        return new Worker("/graphiql/assets/monacoeditorwork/" + file);
      },
    };
  </script>
  <script src="/graphiql/assets/yoga-graphiql.umd.js"></script>
  <script>
    var opts = ${JSON.stringify(opts).replace(/</g, "\\u003c")};
    // A shared link's ?query= wins over the welcome query (the bundle ignores it once \`query\` is set).
    opts.query = new URLSearchParams(location.search).get("query") || opts.query;
    YogaGraphiQL.renderYogaGraphiQL(document.getElementById("graphiql"), opts);
  </script>
</body>
</html>`;
}
function graphiqlAssets() {
  const router = express.Router();
  router.use("/graphiql/assets", express.static(distDir, { maxAge: "1d", index: false }));
  return router;
}
function wantsHtml(accept) {
  return !!accept && accept.includes("text/html");
}
export {
  graphiqlAssets,
  graphiqlHtml,
  wantsHtml
};
