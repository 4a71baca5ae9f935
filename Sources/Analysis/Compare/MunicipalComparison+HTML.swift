import Reports

extension MunicipalComparison {
  /// The Markdown tables as a self-contained HTML page: one table per section, with a caption,
  /// header cells scoped to their column or row, and every text escaped.
  public var html: String {
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>\(HTML.escape(header))</title>
      <style>
      body { font-family: system-ui, sans-serif; margin: 1.5rem; }
      table { border-collapse: collapse; margin-bottom: 2rem; }
      caption { text-align: left; font-weight: bold; padding: 0.5rem 0; }
      th, td { border: 1px solid #bbb; padding: 0.2rem 0.4rem; vertical-align: top; }
      thead th { background: #eee; position: sticky; top: 0; }
      tbody th { text-align: left; white-space: nowrap; }
      </style>
      </head>
      <body>
      <h1>\(HTML.escape(header))</h1>
      <p>\(HTML.escape(Self.legend)).</p>

      """
    for (title, rows) in [("Parameters", parameters), ("Definitions", definitions), ("Rules", rules)] {
      out += "<section>\n<h2>\(title)</h2>\n"
      guard !rows.isEmpty else {
        out += "<p>None departs.</p>\n</section>\n"
        continue
      }
      let columns = [String(title.dropLast()).lowercased(), "citation", model] + rulebooks
      out += "<table>\n<caption>\(title) where a rulebook departs from \(HTML.escape(model))</caption>\n<thead>\n<tr>"
      out += columns.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
      for row in rows {
        let name = row.name + (row.rulebooksDiffer ? " *" : "")
        let cells = [row.citation ?? "", row.model ?? "—"] + row.departures.map(Self.cell)
        out += "<tr><th scope=\"row\">\(HTML.escape(name))</th>" + cells.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n"
      }
      out += "</tbody>\n</table>\n</section>\n"
    }
    return out + "</body>\n</html>\n"
  }
}
