/// Renderers of evaluations: text, Markdown, JSON, HTML and CSV, in Dutch and English.
public enum Reports {}
