/**
 * Parses a model's JSON answer, tolerating the Markdown fence that models in
 * prompt-only JSON mode often wrap it in. Throws `SyntaxError` when it is not JSON.
 */
export function parseJsonText(text: string): unknown {
  const trimmed = text.trim();
  const fenced = /^```(?:json)?\s*\n?([\s\S]*?)\n?```$/i.exec(trimmed);
  return JSON.parse(fenced ? fenced[1]! : trimmed);
}
