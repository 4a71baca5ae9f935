// swift-tools-version: 6.1
import PackageDescription

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fuzz targets are declared only when `BRICOLEUR_FUZZ=1` (see `scripts/fuzz`): they need
/// `-parse-as-library` and `-sanitize=fuzzer`, which a plain `swift build` does not pass.
let fuzzing = getenv("BRICOLEUR_FUZZ").map { String(cString: $0) == "1" } ?? false

let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
  name: "Bricoleur",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "bricoleur", targets: ["bricoleur"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    .target(name: "SourceDiagnostics", swiftSettings: swiftSettings),
    .target(name: "YAMLTree", dependencies: ["SourceDiagnostics", "CYAML"], swiftSettings: swiftSettings),
    .target(name: "RuleLanguage", dependencies: ["SourceDiagnostics"], swiftSettings: swiftSettings),
    .target(name: "Rulebook", dependencies: ["YAMLTree", "RuleLanguage"], swiftSettings: swiftSettings),
    .target(name: "Engine", dependencies: ["Rulebook"], swiftSettings: swiftSettings),
    .target(name: "Analysis", dependencies: ["Engine", "Reports"], swiftSettings: swiftSettings),
    .target(name: "LanguageServer", dependencies: ["Analysis", "Rulebook", "SourceDiagnostics"], swiftSettings: swiftSettings),
    .target(name: "Room", dependencies: ["Engine"], swiftSettings: swiftSettings),
    .target(name: "Reports", dependencies: ["Engine", "Room"], swiftSettings: swiftSettings),
    .target(name: "Batch", dependencies: ["Engine", "Room", "Reports"], swiftSettings: swiftSettings),
    .target(name: "Import", dependencies: ["SourceDiagnostics", "YAMLTree", "Rulebook", "Analysis"], swiftSettings: swiftSettings),
    .testTarget(
      name: "ImportTests", dependencies: ["Import", "Analysis", "Engine", "Room", "Reports", "Rulebook", "TestSupport"]),
    .target(
      name: "BricoleurServer",
      dependencies: [
        "SourceDiagnostics", "YAMLTree", "RuleLanguage", "Rulebook", "Engine", "Room", "Reports",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      resources: [.copy("Resources")],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "BricoleurMCP",
      dependencies: ["Engine", "Room", "Reports", "YAMLTree", .product(name: "MCP", package: "swift-sdk")],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "bricoleur",
      dependencies: [
        "YAMLTree", "Engine", "Room", "Reports", "Analysis", "Batch", "BricoleurServer", "BricoleurMCP", "Import", "LanguageServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(name: "TestSupport", dependencies: ["SourceDiagnostics"], path: "Tests/TestSupport"),
    .testTarget(name: "SourceDiagnosticsTests", dependencies: ["SourceDiagnostics", "TestSupport"]),
    // The golden files are read from the source tree (next to the tests), not bundled.
    .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree", "TestSupport"], exclude: ["Golden"]),
    .executableTarget(
      name: "rule-language-bench", dependencies: ["RuleLanguage"], path: "Benchmarks/RuleLanguage",
      swiftSettings: swiftSettings),
    .testTarget(name: "RuleLanguageTests", dependencies: ["RuleLanguage", "TestSupport"]),
    .testTarget(name: "RulebookTests", dependencies: ["Rulebook", "TestSupport"]),
    .testTarget(name: "EngineTests", dependencies: ["Engine", "Reports", "Analysis", "TestSupport"], exclude: ["Golden"]),
    .testTarget(name: "BatchTests", dependencies: ["Batch", "Engine", "Room", "Rulebook", "YAMLTree", "TestSupport"]),
    .testTarget(name: "CLITests", dependencies: ["TestSupport", "bricoleur"]),
    .executableTarget(name: "batch-stages-bench", dependencies: ["Batch", "Engine"], path: "Benchmarks/Batch", swiftSettings: swiftSettings),
    .testTarget(
      name: "HardeningTests",
      dependencies: [
        "SourceDiagnostics", "YAMLTree", "RuleLanguage", "Rulebook", "Engine", "Room", "Reports", "Batch", "TestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .executableTarget(name: "engine-bench", dependencies: ["Engine"], path: "Benchmarks/Engine", swiftSettings: swiftSettings),
    .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Engine", "Rulebook", "TestSupport"], exclude: ["Golden"]),
    .testTarget(name: "LanguageServerTests", dependencies: ["LanguageServer", "TestSupport"]),
    .testTarget(name: "RoomTests", dependencies: ["Room", "Engine", "Reports", "TestSupport"], exclude: ["Golden"]),
    .executableTarget(
      name: "room-bench", dependencies: ["Room", "Engine"], path: "Benchmarks/Room",
      swiftSettings: swiftSettings),
    .testTarget(
      name: "ServerTests",
      dependencies: [
        "BricoleurServer", "Engine", "Import", "Room", "Rulebook", "YAMLTree", "TestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]
    ),
    .executableTarget(
      name: "answer-bench", dependencies: ["Engine", "Room", "Reports", "YAMLTree"], path: "Benchmarks/Answer",
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "yaml-reader-bench", dependencies: ["YAMLTree", "CYAML"], path: "Benchmarks/YAMLReader"),
    .executableTarget(
      name: "scale-library", dependencies: ["Rulebook"], path: "Benchmarks/Scale", exclude: ["measure.py"],
      swiftSettings: swiftSettings),
  ]
)

if fuzzing {
  let fuzzTargets: [(String, [Target.Dependency])] = [
    ("FuzzYAMLReader", ["YAMLTree"]),
    ("FuzzRuleLanguage", ["RuleLanguage"]),
    ("FuzzRulebook", ["Rulebook"]),
    ("FuzzInitiative", ["Engine", "Batch"]),
    ("FuzzEvaluator", ["Engine", "Room", "Rulebook", "Reports"]),
    ("FuzzImport", ["Import", "YAMLTree"]),
  ]
  for (name, dependencies) in fuzzTargets {
    package.targets.append(
      .executableTarget(
        name: name, dependencies: dependencies, path: "Fuzz/\(name.dropFirst(4))",
        swiftSettings: swiftSettings + [.unsafeFlags(["-parse-as-library"])]))
  }
}
