import Testing
@testable import RuleLanguage

/// The instructions an incremental run over several changed facts reruns: the union of each
/// fact's ascending list, ascending, each once.
@Suite struct MergedListsTests {
  @Test(arguments: [
    [[Int32]](),
    [[], []],
    [[1, 4], []],
    [[], [2]],
    [[1, 3, 5], [2, 3, 6, 7]],
    [[0, 9], [0, 9]],
    [[5], [1, 2, 3, 4, 5, 6]],
    [[1, 3], [2, 3], [3, 4]],
    [[7, 8], [], [1, 8, 9], [0]],
  ])
  func mergesAscendingLists(_ lists: [[Int32]]) {
    #expect(FlatProgram.merged(lists) == Set(lists.joined()).sorted())
  }

  @Test func mergesRandomLists() {
    var random = SystemRandomNumberGenerator()
    for _ in 0..<500 {
      let lists = (0..<Int.random(in: 1...4, using: &random)).map { _ in
        Set((0..<Int.random(in: 0...12, using: &random)).map { _ in Int32.random(in: 0..<40, using: &random) }).sorted()
      }
      #expect(FlatProgram.merged(lists) == Set(lists.joined()).sorted(), "\(lists)")
    }
  }
}
