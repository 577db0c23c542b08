// Errors a service may throw; the HTTP layer maps each to a status and a stable code.
export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldIssue[],
  ) {
    super(message);
  }
}

/** Also used for reads outside the actor's scope, so they look exactly like a missing record. */
export class NotFoundError extends AppError {
  constructor(what = 'resource') {
    super(404, 'not_found', `No such ${what}`);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super(403, 'forbidden', message);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Sign in required') {
    super(401, 'unauthorized', message);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}

export class VersionConflictError extends ConflictError {
  constructor(what: string) {
    super('version_conflict', `The ${what} was changed by someone else; reload it and try again`);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields: FieldIssue[]) {
    super(400, 'validation_failed', message, fields);
  }
}

/** A rule of the process refused the command (a transition out of order, for example). */
export class RuleError extends AppError {
  constructor(code: string, message: string, fields?: FieldIssue[]) {
    super(422, code, message, fields);
  }
}
