import ArgumentParser

@main
struct Bricoleur: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "bricoleur")
}
