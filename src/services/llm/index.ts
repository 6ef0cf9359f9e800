/**
 * The chat-model factory: builds the LangChain chat model named by config
 * (LLM_PROVIDER openai | anthropic | ollama; LLM_MODEL, LLM_BASE_URL,
 * LLM_API_KEY, LLM_TIMEOUT_MS). Retries are left to the callers, which count
 * and log them; the models themselves never retry.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Config } from "../../config.js";

export type LlmConfig = NonNullable<Config["llm"]>;

export async function createChatModel(cfg: LlmConfig): Promise<BaseChatModel> {
  switch (cfg.provider) {
    case "openai": {
      const { ChatOpenAI } = await import("@langchain/openai");
      return new ChatOpenAI({
        model: cfg.model,
        // OpenAI-compatible servers (vLLM, llama.cpp, LM Studio) often need no key; the client insists on one.
        apiKey: cfg.apiKey ?? "not-needed",
        configuration: cfg.baseUrl ? { baseURL: cfg.baseUrl } : undefined,
        temperature: 0,
        timeout: cfg.timeoutMs,
        maxRetries: 0,
      });
    }
    case "anthropic": {
      const { ChatAnthropic } = await import("@langchain/anthropic");
      return new ChatAnthropic({
        model: cfg.model,
        apiKey: cfg.apiKey ?? undefined,
        anthropicApiUrl: cfg.baseUrl ?? undefined,
        temperature: 0,
        maxRetries: 0,
      });
    }
    case "ollama": {
      const { ChatOllama } = await import("@langchain/ollama");
      return new ChatOllama({ model: cfg.model, baseUrl: cfg.baseUrl ?? "http://127.0.0.1:11434", temperature: 0 });
    }
  }
}
