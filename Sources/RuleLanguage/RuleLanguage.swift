/// The rule language: lexer, parser, type checker, compiler and three-valued evaluation of the
/// conditions that rules are written in.
public enum RuleLanguage {}
