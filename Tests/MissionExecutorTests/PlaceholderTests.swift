import Testing
@testable import MissionExecutor
@Test func placeholder() {}
