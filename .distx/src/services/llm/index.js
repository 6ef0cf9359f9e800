async function createChatModel(cfg) {
  switch (cfg.provider) {
    case "openai": {
      const { ChatOpenAI } = await import("@langchain/openai");
      return new ChatOpenAI({
        model: cfg.model,
        // OpenAI-compatible servers (vLLM, llama.cpp, LM Studio) often need no key; the client insists on one.
        apiKey: cfg.apiKey ?? "not-needed",
        configuration: cfg.baseUrl ? { baseURL: cfg.baseUrl } : void 0,
        temperature: 0,
        timeout: cfg.timeoutMs,
        maxRetries: 0
      });
    }
    case "anthropic": {
      const { ChatAnthropic } = await import("@langchain/anthropic");
      return new ChatAnthropic({
        model: cfg.model,
        apiKey: cfg.apiKey ?? void 0,
        anthropicApiUrl: cfg.baseUrl ?? void 0,
        temperature: 0,
        maxRetries: 0
      });
    }
    case "ollama": {
      const { ChatOllama } = await import("@langchain/ollama");
      return new ChatOllama({ model: cfg.model, baseUrl: cfg.baseUrl ?? "http://127.0.0.1:11434", temperature: 0 });
    }
  }
}
export {
  createChatModel
};
