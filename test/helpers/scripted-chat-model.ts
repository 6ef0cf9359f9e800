/**
 * A LangChain chat model for tests that answers from the request itself
 * (a function of the records it receives), so concurrent calls get the right
 * answers regardless of order. `misbehave` lets a test make some calls fail
 * or answer garbage. No network.
 */
import { SimpleChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";

export interface ScriptedCall {
  records: Array<Record<string, unknown> & { id: number }>;
  system: string;
}

export class ScriptedChatModel extends SimpleChatModel {
  readonly calls: ScriptedCall[] = [];

  constructor(
    private readonly answer: (call: ScriptedCall, callNo: number) => string,
    private readonly delayMs = 0,
  ) {
    super({});
  }

  _llmType(): string {
    return "scripted-test";
  }

  async _call(messages: BaseMessage[], options: this["ParsedCallOptions"]): Promise<string> {
    const system = String(messages[0]?.content ?? "");
    const body = JSON.parse(String(messages[messages.length - 1]?.content ?? "{}")) as { records: ScriptedCall["records"] };
    const call = { records: body.records ?? [], system };
    this.calls.push(call);
    const n = this.calls.length;
    if (this.delayMs) {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, this.delayMs);
        options.signal?.addEventListener("abort", () => {
          clearTimeout(t);
          reject(new Error("aborted"));
        });
      });
    }
    return this.answer(call, n);
  }
}

/** A well-behaved answer: applies `f` to each record. */
export const answerWith = (f: (r: Record<string, unknown>) => unknown) => (call: ScriptedCall) =>
  JSON.stringify({ results: call.records.map((r) => ({ id: r.id, value: f(r) })) });
