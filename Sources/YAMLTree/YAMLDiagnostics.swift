/// The stable codes of the YAML reader's diagnostics.
public enum YAMLDiagnostics {
  public static let syntax = "yaml.syntax"
  public static let duplicateKey = "yaml.duplicate-key"
  public static let invalidUTF8 = "yaml.invalid-utf8"
  public static let fileTooLarge = "yaml.file-too-large"
  public static let tooDeep = "yaml.too-deep"
  public static let tooManyNodes = "yaml.too-many-nodes"
  public static let scalarTooLong = "yaml.scalar-too-long"
  public static let undefinedAlias = "yaml.undefined-alias"
  public static let multipleDocuments = "yaml.multiple-documents"
  public static let empty = "yaml.empty"
  public static let expectedKind = "yaml.expected-kind"
}
