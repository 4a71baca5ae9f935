import Engine

/// One item of room to manoeuvre, typed by its kind. `RoomAnalysis.items` lists them in the
/// order every renderer shows them; a renderer switches over the cases, so a new kind is a new
/// case here, its search, and its words and JSON, each pointed at by the compiler.
public enum RoomItem: Sendable, Hashable {
  case adjustment(Adjustment)
  case discretion(DiscretionItem)
  case openNorm(OpenNorm)
  case alternative(AlternativeRoute)
  case nearMiss(NearMiss)
  case decidingUnknown(DecidingUnknown)
  case deadline(DeadlineCheck)

  /// The kind of the item.
  public var kind: RoomKind {
    switch self {
    case .adjustment: .adjustment
    case .discretion: .discretion
    case .openNorm: .openNorm
    case .alternative: .alternative
    case .nearMiss: .nearMiss
    case .decidingUnknown: .decidingUnknown
    case .deadline: .deadline
    }
  }
}

/// The kinds of room, with their stable names in JSON.
public enum RoomKind: String, Sendable, Hashable, CaseIterable {
  case adjustment, discretion
  case openNorm = "open_norm"
  case alternative
  case nearMiss = "near_miss"
  case decidingUnknown = "deciding_unknown"
  case deadline
}

extension RoomAnalysis {
  /// Every item, in the order of the report: adjustments, discretion, open norms, alternatives,
  /// near misses, deciding unknowns, deadlines.
  public var items: [RoomItem] {
    adjustments.map(RoomItem.adjustment) + discretion.map(RoomItem.discretion) + openNorms.map(RoomItem.openNorm)
      + alternatives.map(RoomItem.alternative) + nearMisses.map(RoomItem.nearMiss)
      + decidingUnknowns.map(RoomItem.decidingUnknown) + deadlines.map(RoomItem.deadline)
  }
}
