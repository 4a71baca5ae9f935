import Testing
@testable import Room

/// The rules to recompute for a pair of changed facts: the union of each fact's rules, ascending.
@Suite struct RuleUnionTests {
  @Test(arguments: [
    (a: [Int](), b: [Int](), union: [Int]()),
    (a: [1, 4], b: [], union: [1, 4]),
    (a: [], b: [2], union: [2]),
    (a: [1, 3, 5], b: [2, 3, 6, 7], union: [1, 2, 3, 5, 6, 7]),
    (a: [0, 9], b: [0, 9], union: [0, 9]),
  ])
  func unionOfAscendingLists(_ row: (a: [Int], b: [Int], union: [Int])) {
    #expect(RoomContext.union(row.a, row.b) == row.union)
    #expect(RoomContext.union(row.b, row.a) == row.union)
  }
}
