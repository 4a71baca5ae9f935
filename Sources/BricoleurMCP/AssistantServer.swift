import Foundation
import MCP

/// Serves `AssistantTools` over the Model Context Protocol on standard input and output, so an
/// assistant a civil servant already uses can check initiatives with citations.
public enum AssistantServer {
  public static func run(_ tools: AssistantTools, version: String) async throws {
    let server = Server(name: "bricoleur", version: version, capabilities: .init(tools: .init(listChanged: false)))
    await server.withMethodHandler(ListTools.self) { _ in
      .init(tools: AssistantTools.tools.map { tool in
        Tool(name: tool.name, description: tool.description, inputSchema: (try? decode(tool.inputSchema)) ?? .object([:]))
      })
    }
    await server.withMethodHandler(CallTool.self) { params in
      let arguments = (try? JSONSerialization.jsonObject(with: JSONEncoder().encode(params.arguments ?? [:]))) as? [String: Any] ?? [:]
      let answer = tools.call(params.name, arguments: arguments)
      return .init(
        content: [.text(text: answer.text, annotations: nil, _meta: nil)],
        structuredContent: answer.json.flatMap { try? decode($0) }, isError: answer.isError)
    }
    try await server.start(transport: StdioTransport())
    await server.waitUntilCompleted()
  }

  static func decode(_ json: String) throws -> Value {
    try JSONDecoder().decode(Value.self, from: Data(json.utf8))
  }
}
