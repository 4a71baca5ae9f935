// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
  name: "Bricoleur",
  platforms: [.macOS(.v14)],
  products: [
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    .target(name: "SourceDiagnostics", swiftSettings: swiftSettings),
    .target(name: "RuleLanguage", dependencies: ["SourceDiagnostics"], swiftSettings: swiftSettings),
    .target(name: "TestSupport", dependencies: ["SourceDiagnostics"], path: "Tests/TestSupport"),
    .testTarget(name: "SourceDiagnosticsTests", dependencies: ["SourceDiagnostics", "TestSupport"]),
    .executableTarget(
      name: "rule-language-bench", dependencies: ["RuleLanguage"], path: "Benchmarks/RuleLanguage",
      swiftSettings: swiftSettings),
    .testTarget(name: "RuleLanguageTests", dependencies: ["RuleLanguage", "TestSupport"]),
  ]
)
