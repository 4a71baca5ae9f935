/// The rule language: lexer, parser, type checker, compiler and three-valued evaluation of the
/// conditions that rules are written in.
///
/// The phases are values to values plus diagnostics:
/// `Parser.parse` → `ExprNode`, `Environment.check` → `CheckedExpr`, `Compiler.compile` →
/// `CompiledProgram`, `CompiledProgram.evaluate(_:)` → `Value`.
public enum RuleLanguage {}
