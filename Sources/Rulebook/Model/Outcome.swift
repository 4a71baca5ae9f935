/// The verdict levels, from the most to the least permissive.
public enum VerdictLevel: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
  case allowed
  case allowedWithConditions = "allowed_with_conditions"
  case notificationRequired = "notification_required"
  /// The rules leave the decision to a conversation with the municipality (the
  /// Omgevingsloket's `NeemContactOpMet`): advice, not a refusal.
  case contactMunicipality = "contact_municipality"
  case permitRequired = "permit_required"
  case prohibited

  /// The order: allowed < allowed with conditions < notification < contact the municipality
  /// < permit < prohibited.
  public var rank: Int {
    switch self {
    case .allowed: 0
    case .allowedWithConditions: 1
    case .notificationRequired: 2
    case .contactMunicipality: 3
    case .permitRequired: 4
    case .prohibited: 5
    }
  }

  public static func < (a: VerdictLevel, b: VerdictLevel) -> Bool { a.rank < b.rank }

  /// The Dutch and English names of the level.
  public var label: LocalizedText {
    switch self {
    case .allowed: LocalizedText(["nl": "toegestaan", "en": "allowed"])
    case .allowedWithConditions: LocalizedText(["nl": "toegestaan onder voorwaarden", "en": "allowed with conditions"])
    case .notificationRequired: LocalizedText(["nl": "melding nodig", "en": "notification required"])
    case .contactMunicipality: LocalizedText(["nl": "neem contact op met de gemeente", "en": "contact the municipality"])
    case .permitRequired: LocalizedText(["nl": "vergunning nodig", "en": "permit required"])
    case .prohibited: LocalizedText(["nl": "niet toegestaan", "en": "prohibited"])
    }
  }
}

/// What a rule says when it applies.
public struct Outcome: Sendable, Hashable {
  /// The kind of outcome as written in a rule file.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case allowed
    case allowedWithConditions = "allowed_with_conditions"
    case notification
    /// The decision is left to a conversation with the municipality: `name` says about what,
    /// `authority` whom to contact.
    case contact
    case permit
    case prohibited
    /// A duty to inform (a letter to the neighbours): it does not change the verdict level.
    case information
    /// A scheme's decision (a grant, a Right to Challenge, an adoption agreement), for the
    /// scheme the rule cites: the initiative qualifies, qualifies under conditions, or does not.
    /// They decide the scheme, never the verdict level.
    case eligible
    case eligibleWithConditions = "eligible_with_conditions"
    case notEligible = "not_eligible"

    /// Whether the outcome decides a scheme rather than permission.
    public var decidesScheme: Bool { self == .eligible || self == .eligibleWithConditions || self == .notEligible }
  }

  public var kind: Kind
  /// The permission needed (`evenementenvergunning`, `ontheffing art. 35 Alcoholwet`) or the
  /// notification (`melding klein evenement`).
  public var name: LocalizedText
  /// The authority a notification goes to or that grants the permit.
  public var authority: String?
  /// Conditions attached (for `allowed_with_conditions`, or to a permit).
  public var conditions: [LocalizedText]

  public init(kind: Kind, name: LocalizedText = LocalizedText(), authority: String? = nil, conditions: [LocalizedText] = []) {
    self.kind = kind
    self.name = name
    self.authority = authority
    self.conditions = conditions
  }

  /// Whether the outcome asks the initiative to obtain or do something (a notification, a
  /// permit, a conversation, conditions, a named duty): what "Nodig" lists. A scheme's decision
  /// is not one, and neither is a rule that only informs and names nothing.
  public var isRequirement: Bool {
    switch kind {
    case .allowed, .prohibited, .eligible, .eligibleWithConditions, .notEligible: false
    case .information: !name.isEmpty
    case .allowedWithConditions, .notification, .contact, .permit: true
    }
  }

  /// The verdict level this outcome sets; `nil` for an information duty.
  public var level: VerdictLevel? {
    switch kind {
    case .allowed: .allowed
    case .allowedWithConditions: .allowedWithConditions
    case .notification: .notificationRequired
    case .contact: .contactMunicipality
    case .permit: .permitRequired
    case .prohibited: .prohibited
    case .information, .eligible, .eligibleWithConditions, .notEligible: nil
    }
  }
}
