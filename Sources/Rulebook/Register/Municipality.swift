import Foundation

/// A Dutch municipality as CBS registers it: its code and its official name.
public struct Municipality: Sendable, Hashable, Comparable {
  /// The CBS code, `GM` and four digits (`GM0546`).
  public var code: String
  /// The official name in CBS's spelling (`Leiden`, `'s-Gravenhage`, `Súdwest-Fryslân`).
  public var name: String

  public init(code: String, name: String) {
    self.code = code
    self.name = name
  }

  /// The name as a folder name or URL part: lowercase, without accents, words joined by
  /// hyphens (`s-gravenhage`, `sudwest-fryslan`, `bergen-nh`).
  public var slug: String { MunicipalityName.slug(name) }

  public static func < (lhs: Municipality, rhs: Municipality) -> Bool {
    (MunicipalityName.key(lhs.name), lhs.code) < (MunicipalityName.key(rhs.name), rhs.code)
  }
}

/// How names of municipalities are compared: without accents, case, spaces or punctuation.
public enum MunicipalityName {
  /// The name folded to lowercase letters and digits (`'s-Hertogenbosch` → `shertogenbosch`).
  public static func key(_ name: String) -> String {
    String(String.UnicodeScalarView(folded(name).filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
  }

  /// The name as a slug: folded, runs of anything but letters and digits made one hyphen.
  public static func slug(_ name: String) -> String {
    var slug = ""
    var pendingHyphen = false
    for scalar in folded(name) {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        if pendingHyphen && !slug.isEmpty { slug.append("-") }
        pendingHyphen = false
        slug.unicodeScalars.append(scalar)
      } else {
        pendingHyphen = true
      }
    }
    return slug
  }

  /// The CBS code that `text` spells (`GM0546`, `gm546`, `0546`), or nil when it is no code.
  public static func code(_ text: String) -> String? {
    var digits = Substring(text.trimmingCharacters(in: .whitespaces))
    if digits.lowercased().hasPrefix("gm") { digits = digits.dropFirst(2) }
    guard (1...4).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return "GM" + String(repeating: "0", count: 4 - digits.count) + digits
  }

  /// Lowercase Unicode scalars with accents removed (`Súdwest-Fryslân` → `sudwest-fryslan`):
  /// the canonical decomposition puts accents in combining marks of their own.
  static func folded(_ name: String) -> [Unicode.Scalar] {
    name.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.filter {
      $0.properties.generalCategory != .nonspacingMark
    }
  }
}
