import Foundation
import Hummingbird

/// The advisor's page (`/`, `/app.js`, `/style.css`) and the OpenAPI document, served from
/// the target's resources (the document with the names the loaded rules accept, see
/// `OpenAPIDocument`).
enum PageRoutes {
  static func add(to router: Router<some RequestContext>, _ context: RouteContext, table: inout RouteTable) throws {
    let files: [(path: String, resource: String, type: String)] = [
      ("/", "index.html", "text/html; charset=utf-8"),
      ("/app.js", "app.js", "text/javascript; charset=utf-8"),
      ("/style.css", "style.css", "text/css; charset=utf-8"),
      ("/api/v1/openapi.yaml", "openapi.yaml", "application/yaml; charset=utf-8"),
    ]
    for file in files {
      let text = try resource(file.resource)
      let isDocument = file.resource == "openapi.yaml"
      router.route(.get, file.path, in: &table) { _, _ in
        let body = isDocument ? OpenAPIDocument.serving(text, for: context.store.engine.library) : text
        var response = WireJSON.text(body, contentType: file.type)
        response.headers[.cacheControl] = "no-cache"
        response.headers[.xContentTypeOptions] = "nosniff"
        if file.path == "/" {
          response.headers[.contentSecurityPolicy] = "default-src 'self'; frame-ancestors 'none'"
        }
        return response
      }
    }
  }

  /// A resource file's text.
  static func resource(_ name: String) throws -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources") else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Resources/\(name)"])
    }
    return try String(contentsOf: url, encoding: .utf8)
  }
}
