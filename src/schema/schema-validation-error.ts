import type { StandardSchemaV1 } from './standard-schema.js';

/** A value failed its schema; `issues` are the schema library's own. */
export class SchemaValidationError extends Error {
  override readonly name = 'SchemaValidationError';
  /** The schema library's issues. */
  readonly issues: ReadonlyArray<StandardSchemaV1.Issue>;

  /** Joins the issues into one message with their paths. */
  constructor(issues: ReadonlyArray<StandardSchemaV1.Issue>) {
    super(issues.map(formatIssue).join('; ') || 'value does not match the schema');
    this.issues = issues;
  }
}

function formatIssue(issue: StandardSchemaV1.Issue): string {
  const path = issue.path?.map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
