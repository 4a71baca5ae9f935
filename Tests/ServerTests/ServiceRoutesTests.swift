import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Reports
import Testing
import YAMLTree
@testable import BricoleurServer

@Suite struct ServiceRoutesTests {
  @Test func healthz() async throws {
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/healthz", method: .get) { response in
        #expect(response.status == .ok)
        let health = try JSONDecoder().decode(HealthV1.self, from: Data(String(buffer: response.body).utf8))
        #expect(health.status == "ok")
        #expect(health.rulebooks >= 13)
      }
    }
  }

  @Test func metricsCountRequestsPerRoute() async throws {
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/rulebooks/borne", method: .get)
      try await client.execute(uri: "/api/v1/rulebooks/gouda", method: .get)
      try await client.execute(uri: "/nowhere", method: .get)
      try await client.execute(uri: "/metrics", method: .get) { response in
        let text = String(buffer: response.body)
        #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
        #expect(text.contains(#"bricoleur_http_requests_total{method="GET",route="/api/v1/rulebooks/{id}",status="200"} 2"#))
        #expect(text.contains(#"route="unmatched",status="404"} 1"#))
        #expect(text.contains(#"bricoleur_http_request_duration_seconds_count{method="GET",route="/api/v1/rulebooks/{id}"} 2"#))
      }
    }
  }

  /// A method a known path does not answer is 405 with `Allow`, for every route the router
  /// registered; an unknown path stays 404.
  @Test func undeclaredMethodIsNotAllowed() async throws {
    let (_, table) = try buildRouter(Fixture.configuration(), store: Fixture.store)
    try await Fixture.app().test(.router) { client in
      for route in table.routes {
        let path = route.path.replacingOccurrences(of: "{id}", with: "borne")
        try await client.execute(uri: path, method: .trace) { response in
          #expect(response.status == .methodNotAllowed, "\(path)")
          #expect(response.headers[.allow]?.contains(route.method) == true, "\(path)")
          #expect(String(buffer: response.body).contains("http.method-not-allowed"))
        }
      }
      try await client.execute(uri: "/nowhere", method: .trace) { response in
        #expect(response.status == .notFound)
      }
      try await client.execute(uri: "/api/v1/batch", method: .post) { response in
        #expect(response.status == .badRequest)
      }
    }
  }

  @Test func unknownRouteIsAJSONError() async throws {
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v2/evaluate", method: .get) { response in
        #expect(response.status == .notFound)
        let error = try JSONDecoder().decode(ErrorV1.self, from: Data(String(buffer: response.body).utf8))
        #expect(error.code == "http.not-found")
      }
    }
  }

  @Test func servesThePage() async throws {
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/", method: .get) { response in
        #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
        #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
        let html = String(buffer: response.body)
        #expect(html.contains(#"<script src="/app.js""#))
        #expect(html.contains(#"<label for="rulebook""#))
      }
      try await client.execute(uri: "/app.js", method: .get) { response in
        #expect(String(buffer: response.body).contains("/api/v1/rulebooks"))
      }
      try await client.execute(uri: "/style.css", method: .get) { response in
        #expect(String(buffer: response.body).contains("@media print"))
      }
    }
  }

  /// Every route is in the OpenAPI document, and every operation there is a route.
  @Test func openAPIDocumentMatchesTheRoutes() async throws {
    let (_, table) = try buildRouter(Fixture.configuration(), store: Fixture.store)
    let text = try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/openapi.yaml", method: .get) { String(buffer: $0.body) }
    }
    let (file, _) = YAMLSource.make(path: "openapi.yaml", bytes: Array(text.utf8))
    let (root, diagnostics) = YAMLReader().readSingle(file)
    #expect(diagnostics.isEmpty)
    let paths = try #require(root?.mapping?.first { $0.key.scalar == "paths" }?.value.mapping)
    var documented: Set<String> = []
    for path in paths {
      for operation in path.value.mapping ?? [] {
        documented.insert("\(operation.key.scalar!.uppercased()) \(path.key.scalar!)")
      }
    }
    let registered = Set(table.routes.map { "\($0.method) \($0.path)" })
    #expect(registered == documented)
    #expect(registered.count >= 10)
  }

  /// The served document has an initiative per rulebook: the names its `municipality` may take
  /// (each one the loaded rules answer for, each in one rulebook's schema), and its facts.
  @Test func openAPIDocumentListsTheMunicipalitiesAndFactsTheServerAccepts() async throws {
    let text = try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/openapi.yaml", method: .get) { String(buffer: $0.body) }
    }
    let library = Fixture.store.engine.library
    let names = OpenAPIDocument.names(library)
    #expect(names.contains("borne"))
    #expect(names.allSatisfy { library.select($0) != nil })
    #expect(!names.contains("model-apv") && !names.contains("national"))
    let components = OpenAPIDocument.initiativeComponents(library).initiatives
    let choices = try #require(text.split(separator: "\n").first { $0.hasPrefix("    Initiative: {oneOf: [") })
    #expect(components.allSatisfy { choices.contains("\"#/components/schemas/\($0.name)\"") })
    var listed: [String] = []
    for component in components {
      let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("    \(component.name): {") })
      let schema = try #require(try JSONSerialization.jsonObject(with: Data(line.drop { $0 != "{" }.utf8)) as? [String: Any])
      let properties = try #require(schema["properties"] as? [String: Any])
      let municipality = try #require(properties["municipality"] as? [String: Any])
      listed += try #require(municipality["enum"] as? [String])
      #expect((properties["facts"] as? [String: Any])?["additionalProperties"] as? Bool == false)
    }
    #expect(listed.sorted() == names, "each name in one rulebook's schema")
    // `/questions` takes any fact's name: the pattern it documents fits every fact of every rulebook.
    #expect(text.contains("propertyNames: {pattern: \"\(FactBinder.factNamePattern)\"}"))
    for rulebook in library.rulebooks.values {
      #expect(rulebook.facts.allSatisfy { FactBinder.isFactName($0.name) }, "\(rulebook.id)")
    }
    let borne = try #require(text.split(separator: "\n").first { $0.hasPrefix("    Initiative_borne: {") })
    #expect(borne.contains(##""visitors":{"$ref":"#/components/schemas/Fact_visitors"}"##))
    let visitors = try #require(text.split(separator: "\n").first { $0.hasPrefix("    Fact_visitors: {") })
    #expect(visitors.contains(#"{"type":"integer","minimum":0,"maximum":1000000}"#), "visitors: a whole number in its declared range")
    // The answer's schemas are those of `bricoleur schema result`, every reference resolved.
    #expect(text.contains("    Evaluation: {$ref: \"#/components/schemas/Result_evaluation\"}"))
    #expect(text.contains("    Result_evaluation: {"))
    #expect(!text.contains("#/$defs/"))
    // A fact may be given in the answer's typed form, with the units the answer writes.
    let units = EvaluationJSONRenderer.units.joined(separator: ", ")
    #expect(text.contains("unit: {enum: [\(units)]}"), "FactValue's units are \(units)")
    let declared = Set(text.split(separator: "\n").compactMap { line in
      line.hasPrefix("    ") && !line.hasPrefix("     ") ? line.dropFirst(4).split(separator: ":").first.map(String.init) : nil
    })
    for name in Set(text.matches(of: /#\/components\/schemas\/([A-Za-z0-9_\-]+)/).map { String($0.1) }) {
      #expect(declared.contains(name), "\(name) is referenced but not declared")
    }
  }
}
