import Testing
@testable import BricoleurServer
@Test func placeholder() {}
