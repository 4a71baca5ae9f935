import Synchronization

/// Request counts and latencies per route, rendered as plain text (Prometheus' format) at
/// `/metrics`.
public final class RequestMetrics: Sendable {
  /// Upper bounds of the latency buckets, in seconds.
  static let bounds: [Double] = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

  struct Key: Hashable, Comparable {
    var method: String
    var route: String
    static func < (a: Key, b: Key) -> Bool { (a.route, a.method) < (b.route, b.method) }
  }

  struct Series {
    var statuses: [Int: Int] = [:]
    var buckets = [Int](repeating: 0, count: RequestMetrics.bounds.count)
    var count = 0
    var sum = 0.0
  }

  private let series = Mutex<[Key: Series]>([:])

  public init() {}

  /// Records one request.
  public func record(method: String, route: String, status: Int, seconds: Double) {
    series.withLock { all in
      var entry = all[Key(method: method, route: route), default: Series()]
      entry.statuses[status, default: 0] += 1
      entry.count += 1
      entry.sum += seconds
      if let bucket = Self.bounds.firstIndex(where: { seconds <= $0 }) { entry.buckets[bucket] += 1 }
      all[Key(method: method, route: route)] = entry
    }
  }

  /// The metrics as text.
  public func render() -> String {
    let all = series.withLock { $0 }
    var out = "# HELP bricoleur_http_requests_total Requests by route and status.\n"
    out += "# TYPE bricoleur_http_requests_total counter\n"
    for key in all.keys.sorted() {
      for (status, count) in all[key]!.statuses.sorted(by: { $0.key < $1.key }) {
        out += "bricoleur_http_requests_total{\(labels(key)),status=\"\(status)\"} \(count)\n"
      }
    }
    out += "# HELP bricoleur_http_request_duration_seconds Request latency by route.\n"
    out += "# TYPE bricoleur_http_request_duration_seconds histogram\n"
    for key in all.keys.sorted() {
      let entry = all[key]!
      var cumulative = 0
      for (bound, count) in zip(Self.bounds, entry.buckets) {
        cumulative += count
        out += "bricoleur_http_request_duration_seconds_bucket{\(labels(key)),le=\"\(bound)\"} \(cumulative)\n"
      }
      out += "bricoleur_http_request_duration_seconds_bucket{\(labels(key)),le=\"+Inf\"} \(entry.count)\n"
      out += "bricoleur_http_request_duration_seconds_sum{\(labels(key))} \(entry.sum)\n"
      out += "bricoleur_http_request_duration_seconds_count{\(labels(key))} \(entry.count)\n"
    }
    return out
  }

  private func labels(_ key: Key) -> String { "method=\"\(key.method)\",route=\"\(key.route)\"" }
}
